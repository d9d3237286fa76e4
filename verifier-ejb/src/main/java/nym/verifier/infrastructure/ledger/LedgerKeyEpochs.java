package nym.verifier.infrastructure.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nym.credential.CompletedKeyEpoch;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.PayloadException;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.QueryResult;

/**
 * The ledger's {@code /dkg/completed} through the application's ledger connection factory: the latest completed key
 * epoch (no data) or the one asked for (data = the key epoch in ASCII decimal). A non-zero answer code means none
 * (yet); an unreachable ledger is an {@link IllegalStateException}, so the deposit's event is offered again rather than
 * judged without its key.
 */
@ApplicationScoped
public class LedgerKeyEpochs implements KeyEpochVerificationKeys.Ledger {

    static final String PATH = "/dkg/completed";

    @Resource(lookup = "java:app/ledger/ConnectionFactory")
    LedgerConnectionFactory ledger;

    @Override
    public Optional<CompletedKeyEpoch> latestCompleted() throws PayloadException {
        return query(new byte[0]);
    }

    @Override
    public Optional<CompletedKeyEpoch> completed(long keyEpoch) throws PayloadException {
        return query(Long.toString(keyEpoch).getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<CompletedKeyEpoch> query(byte[] data) throws PayloadException {
        QueryResult answer;
        try (LedgerConnection c = ledger.getConnection()) {
            answer = c.query(PATH, data);
        } catch (LedgerException e) {
            throw new IllegalStateException("ledger not reachable for " + PATH + ": " + e.getMessage(), e);
        }
        return read(answer);
    }

    static Optional<CompletedKeyEpoch> read(QueryResult answer) throws PayloadException {
        if (!answer.ok() || answer.value() == null || answer.value().length == 0) {
            return Optional.empty();
        }
        return Optional.of(CompletedKeyEpoch.fromJson(answer.valueAsString()));
    }
}
