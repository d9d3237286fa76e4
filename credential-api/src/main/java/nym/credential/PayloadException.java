package nym.credential;

import java.util.Objects;

/**
 * The one exception of this module: a ledger blob, ledger answer or network-tree file that cannot be read, or a key
 * epoch a credential cannot be checked under, and why.
 */
public final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** Truncated, trailing bytes, a length out of its bounds, too large, not base64, not an address. */
        MALFORMED,
        /** A version this code does not read. */
        UNSUPPORTED_VERSION,
        /** The blob of another kind (a deposit where a request was expected, or the reverse). */
        WRONG_TYPE,
        /** A Coconut element inside did not parse (bad point, scalar, count); the cause says which. */
        INVALID_ELEMENT,
        /** A file of the network tree is missing or unreadable. */
        MISSING_FILE,
        /** The credential's key epoch has not completed on the ledger: failed, still running, or never started. */
        KEY_EPOCH_UNKNOWN,
        /** The credential's key epoch completed but is older than the two {@link KeyEpochWindow} accepts. */
        KEY_EPOCH_EXPIRED
    }

    private final Kind kind;

    public PayloadException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = Objects.requireNonNull(kind);
    }

    public PayloadException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public Kind kind() {
        return kind;
    }
}
