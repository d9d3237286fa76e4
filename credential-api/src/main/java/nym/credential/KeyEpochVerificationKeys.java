package nym.credential;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.PreparedVerificationKey;
import nym.credential.PayloadException.Kind;

/**
 * The verification key a spent credential is checked under, by the key epoch it names, as provider and verifiers use
 * it: read from the ledger's {@code /dkg/completed}, accepted only inside the {@link KeyEpochWindow}, and prepared
 * (fixed-base tables, ~4 MB and ~0.1 s each) once per key epoch. Only the keys of the current window are kept, so at
 * most two. Thread-safe.
 *
 * <p>The latest completed key epoch is asked for at every call (a rotation must be seen at once); the window below it
 * only when the latest changes.
 */
public final class KeyEpochVerificationKeys {

    /**
     * The ledger's {@code /dkg/completed}. A ledger that cannot be reached throws the caller's own unchecked exception,
     * which passes through unchanged (it is no answer on the credential).
     */
    public interface Ledger {
        /** The latest completed key epoch; empty when none has completed yet. */
        Optional<CompletedKeyEpoch> latestCompleted() throws PayloadException;

        /** Key epoch {@code keyEpoch} if it completed, else empty. */
        Optional<CompletedKeyEpoch> completed(long keyEpoch) throws PayloadException;
    }

    private final Parameters params;
    private final Ledger ledger;
    private final Map<Long, PreparedVerificationKey> prepared = new ConcurrentHashMap<>();
    private volatile KeyEpochWindow window;

    public KeyEpochVerificationKeys(Parameters params, Ledger ledger) {
        this.params = Objects.requireNonNull(params);
        this.ledger = Objects.requireNonNull(ledger);
    }

    /**
     * The prepared group key of {@code keyEpoch}. KEY_EPOCH_UNKNOWN when no key epoch or not this one completed,
     * KEY_EPOCH_EXPIRED when it is older than the window; MALFORMED or INVALID_ELEMENT when the ledger's answer does
     * not read.
     */
    public PreparedVerificationKey forKeyEpoch(long keyEpoch) throws PayloadException {
        CompletedKeyEpoch latest = ledger.latestCompleted()
                .orElseThrow(() -> new PayloadException(
                        Kind.KEY_EPOCH_UNKNOWN,
                        "no key epoch has completed on the ledger yet, so no credential of key epoch " + keyEpoch
                                + " can exist"));
        KeyEpochWindow current = window(latest.keyEpoch());
        current.requireAccepted(keyEpoch);
        PreparedVerificationKey key = prepared.get(keyEpoch);
        return key != null ? key : prepare(keyEpoch, latest, current);
    }

    private KeyEpochWindow window(long latest) throws PayloadException {
        KeyEpochWindow known = window;
        if (known != null && known.latest() == latest) {
            return known;
        }
        KeyEpochWindow below =
                KeyEpochWindow.below(latest, e -> ledger.completed(e).isPresent());
        window = below;
        return below;
    }

    /** Serialized: two spends of a new key epoch prepare its key once. */
    private synchronized PreparedVerificationKey prepare(
            long keyEpoch, CompletedKeyEpoch latest, KeyEpochWindow current) throws PayloadException {
        PreparedVerificationKey known = prepared.get(keyEpoch);
        if (known != null) {
            return known;
        }
        CompletedKeyEpoch keys = keyEpoch == latest.keyEpoch()
                ? latest
                : ledger.completed(keyEpoch)
                        .orElseThrow(() -> new PayloadException(
                                Kind.KEY_EPOCH_UNKNOWN, "the ledger no longer answers key epoch " + keyEpoch));
        if (keys.keyEpoch() != keyEpoch) {
            throw new PayloadException(
                    Kind.MALFORMED, "asked for key epoch " + keyEpoch + ", the ledger answered " + keys.keyEpoch());
        }
        PreparedVerificationKey key;
        try {
            key = PreparedVerificationKey.prepare(params, keys.verificationKey(), Token.PRIVATE_ATTRIBUTES);
        } catch (CoconutException e) {
            throw new PayloadException(
                    Kind.INVALID_ELEMENT,
                    "the verification key of key epoch " + keyEpoch + " does not fit the parameters: " + e.getMessage(),
                    e);
        }
        prepared.keySet().removeIf(e -> !current.accepts(e));
        prepared.put(keyEpoch, key);
        return key;
    }
}
