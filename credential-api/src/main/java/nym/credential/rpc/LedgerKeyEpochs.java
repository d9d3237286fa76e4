package nym.credential.rpc;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nym.credential.CompletedKeyEpoch;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.PayloadException;

/**
 * {@link KeyEpochVerificationKeys.Ledger} over the ledger's RPC: {@code /dkg/completed} with no data (the latest
 * completed key epoch) or a key epoch in ASCII decimal. An unreachable ledger throws {@link LedgerRpcException}.
 */
public final class LedgerKeyEpochs implements KeyEpochVerificationKeys.Ledger {

    private final LedgerRpc ledger;

    public LedgerKeyEpochs(LedgerRpc ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<CompletedKeyEpoch> latestCompleted() throws PayloadException {
        return read(ledger.query("/dkg/completed", new byte[0]).map(Object::toString));
    }

    @Override
    public Optional<CompletedKeyEpoch> completed(long keyEpoch) throws PayloadException {
        Optional<CompletedKeyEpoch> answer =
                read(ledger.query("/dkg/completed", Long.toString(keyEpoch).getBytes(StandardCharsets.US_ASCII))
                        .map(Object::toString));
        return answer.filter(k -> k.keyEpoch() == keyEpoch);
    }

    private static Optional<CompletedKeyEpoch> read(Optional<String> json) throws PayloadException {
        return json.isEmpty() ? Optional.empty() : Optional.of(CompletedKeyEpoch.fromJson(json.get()));
    }
}
