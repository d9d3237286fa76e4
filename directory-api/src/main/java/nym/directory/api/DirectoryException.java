package nym.directory.api;

/** The one exception of this library; {@link #kind()} says what went wrong. Never carries key material. */
public final class DirectoryException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** A key or signature is not well-formed (encoding or length). */
        MALFORMED_KEY,
        /** A signature does not verify. */
        BAD_SIGNATURE,
        /** JSON could not be written or read. */
        JSON,
        /** The directory answered with an error status; the message holds its problem detail. */
        HTTP_STATUS,
        /** The directory could not be reached. */
        IO,
        /** An epoch document has fewer than t valid signatures of the pinned authorities. */
        NOT_ENOUGH_SIGNATURES,
        /** An epoch document is older than the newest one already held. */
        STALE_EPOCH,
        /** An epoch document's validity has passed. */
        EXPIRED,
        /** An authority announcement names an index the pinned {@link AuthoritySet} does not have. */
        UNKNOWN_AUTHORITY
    }

    private final Kind kind;
    private final int status;

    public DirectoryException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    public DirectoryException(Kind kind, String message, int status, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }
}
