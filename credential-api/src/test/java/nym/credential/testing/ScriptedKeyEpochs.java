package nym.credential.testing;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKeyShare;
import nym.credential.CompletedKeyEpoch;
import nym.credential.KeyEpochVerificationKeys;

/**
 * The ledger's {@code /dkg/completed} as a test scripts it: which key epochs completed with which keys, or an outage
 * that throws what the module's own ledger adapter throws when the ledger cannot be reached.
 */
public final class ScriptedKeyEpochs implements KeyEpochVerificationKeys.Ledger {
    private final Map<Long, CompletedKeyEpoch> completed = new ConcurrentHashMap<>();
    private final Supplier<RuntimeException> outage;
    private volatile long latest;
    /** While true every query throws the outage. */
    public volatile boolean down;

    public ScriptedKeyEpochs(Supplier<RuntimeException> outage) {
        this.outage = outage;
    }

    /** Key epoch {@code keyEpoch} completed with {@code keys} (the latest one if it is the highest so far). */
    public void complete(long keyEpoch, ThresholdKeys keys) {
        TreeMap<Integer, VerificationKeyShare> shares = new TreeMap<>();
        for (int i = 1; i <= keys.size(); i++) {
            shares.put(i, keys.issuer(i).verificationKeyShare());
        }
        completed.put(keyEpoch, new CompletedKeyEpoch(keyEpoch, keys.threshold(), keys.verificationKey(), shares));
        latest = Math.max(latest, keyEpoch);
    }

    @Override
    public Optional<CompletedKeyEpoch> latestCompleted() {
        return completed(latest);
    }

    @Override
    public Optional<CompletedKeyEpoch> completed(long keyEpoch) {
        if (down) {
            throw outage.get();
        }
        return Optional.ofNullable(completed.get(keyEpoch));
    }
}
