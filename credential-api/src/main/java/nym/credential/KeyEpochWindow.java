package nym.credential;

import nym.credential.PayloadException.Kind;

/**
 * Which key epochs a credential may name when it is spent: the latest completed key epoch and the completed key epoch
 * before it (key epochs that failed in between issued no credential, so they do not count). A credential of an older
 * completed key epoch has expired; one of a key epoch that never completed cannot be genuine. The grace of one key
 * epoch lets credentials issued just before a rotation still be spent after it. Provider and verifiers both apply
 * this rule, against the same ledger, so they refuse the same spends.
 *
 * @param latest the latest completed key epoch
 * @param previous the completed key epoch before it, 0 if there is none
 */
public record KeyEpochWindow(long latest, long previous) {

    /** Whether the ledger's {@code /dkg/completed} knows this key epoch as completed. */
    public interface Completed {
        boolean test(long keyEpoch) throws PayloadException;
    }

    public KeyEpochWindow {
        if (latest < 1 || previous < 0 || previous >= latest) {
            throw new IllegalArgumentException("no window of key epochs " + previous + " and " + latest);
        }
    }

    /**
     * The window below {@code latest}: asks for latest − 1, latest − 2, … until one completed (usually the first:
     * a key epoch fails only when fewer than t issuers dealt honestly).
     */
    public static KeyEpochWindow below(long latest, Completed completed) throws PayloadException {
        for (long e = latest - 1; e >= 1; e--) {
            if (completed.test(e)) {
                return new KeyEpochWindow(latest, e);
            }
        }
        return new KeyEpochWindow(latest, 0);
    }

    public boolean accepts(long keyEpoch) {
        return keyEpoch == latest || (previous != 0 && keyEpoch == previous);
    }

    /** Nothing if the window accepts {@code keyEpoch}, else KEY_EPOCH_EXPIRED or KEY_EPOCH_UNKNOWN and why. */
    public void requireAccepted(long keyEpoch) throws PayloadException {
        if (accepts(keyEpoch)) {
            return;
        }
        if (keyEpoch > latest) {
            throw new PayloadException(
                    Kind.KEY_EPOCH_UNKNOWN,
                    "key epoch " + keyEpoch + " has not completed (the latest completed key epoch is " + latest + ")");
        }
        if (keyEpoch > previous || keyEpoch < 1) {
            throw new PayloadException(
                    Kind.KEY_EPOCH_UNKNOWN,
                    "key epoch " + keyEpoch + " never completed (its DKG failed, or no such key epoch); the latest"
                            + " completed key epoch is " + latest);
        }
        throw new PayloadException(
                Kind.KEY_EPOCH_EXPIRED,
                "key epoch " + keyEpoch + " has expired: only credentials of key epochs " + latest + " and " + previous
                        + " are accepted");
    }
}
