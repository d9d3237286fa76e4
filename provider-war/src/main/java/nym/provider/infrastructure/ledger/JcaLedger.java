package nym.provider.infrastructure.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nym.credential.CompletedKeyEpoch;
import nym.credential.PayloadException;
import nym.ledger.Hex;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxOutcome;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.ledger.LedgerUnavailable;

/**
 * {@link Ledger} through the EAR's ledger connection factory ({@code java:app/ledger/ConnectionFactory},
 * ledger-jca/README.md); answers are the ledger's JSON query values (ledger-app/README.md, "Queries").
 */
@ApplicationScoped
public class JcaLedger implements Ledger {

    @Resource(lookup = "java:app/ledger/ConnectionFactory")
    LedgerConnectionFactory factory;

    private volatile String chainId;

    @Override
    public String chainId() {
        String known = chainId;
        if (known == null) {
            known = call(c -> c.status().network());
            chainId = known;
        }
        return known;
    }

    @Override
    public ZetaState zeta(byte[] zeta) {
        JsonObject o = query("/zeta", zeta).orElseThrow(() -> unreadable("/zeta"));
        return new ZetaState(o.getString("status"), o.getString("deposit_id", null));
    }

    @Override
    public long accountNonce(byte[] address) {
        // an account the ledger has never seen has nonce 0
        return query("/account", address)
                .map(o -> Long.parseLong(o.getString("nonce")))
                .orElse(0L);
    }

    @Override
    public Submission submit(byte[] signedTx) {
        CommitResult r = call(c -> c.broadcastCommit(signedTx));
        TxOutcome failed = r.checkTx().ok() ? r.txResult() : r.checkTx();
        if (failed == null || failed.ok()) {
            return new Submission(r.hash(), r.height(), 0, "");
        }
        return new Submission(r.hash(), r.height(), failed.code(), failed.log());
    }

    @Override
    public Optional<Submission> transaction(String hash) {
        return call(c -> c.tx(hash))
                .map(t -> new Submission(
                        t.hash(), t.height(), t.result().code(), t.result().log()));
    }

    @Override
    public Optional<DepositState> deposit(String depositId) {
        return query("/deposit", Hex.parse(depositId))
                .map(o -> new DepositState(
                        o.getString("status"),
                        o.getInt("accepts", 0),
                        o.getInt("rejects", 0),
                        Long.parseLong(o.getString("height", "0"))));
    }

    @Override
    public Optional<CompletedKeyEpoch> latestCompleted() throws PayloadException {
        return completedKeyEpoch(new byte[0]);
    }

    @Override
    public Optional<CompletedKeyEpoch> completed(long keyEpoch) throws PayloadException {
        return completedKeyEpoch(Long.toString(keyEpoch).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code /dkg/completed}: data = the key epoch in ASCII decimal, or empty for the latest; a non-zero code: none. */
    private Optional<CompletedKeyEpoch> completedKeyEpoch(byte[] data) throws PayloadException {
        QueryResult r = call(c -> c.query("/dkg/completed", data));
        if (!r.ok() || r.value() == null || r.value().length == 0) {
            return Optional.empty();
        }
        return Optional.of(CompletedKeyEpoch.fromJson(r.valueAsString()));
    }

    private Optional<JsonObject> query(String path, byte[] data) {
        QueryResult r = call(c -> c.query(path, data));
        if (!r.ok() || r.value() == null) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.valueAsString()))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | ClassCastException e) {
            throw new LedgerUnavailable("the ledger answered " + path + " with something that is not JSON", e);
        }
    }

    private static LedgerUnavailable unreadable(String path) {
        return new LedgerUnavailable("the ledger gave no answer to " + path, null);
    }

    private interface Call<T> {
        T on(LedgerConnection c) throws LedgerException;
    }

    private <T> T call(Call<T> call) {
        try (LedgerConnection c = factory.getConnection()) {
            return call.on(c);
        } catch (LedgerException e) {
            throw new LedgerUnavailable(e.kind() + ": " + e.getMessage(), e);
        }
    }
}
