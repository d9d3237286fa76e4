package nym.directory.application;

/** A request the directory refuses; {@link #reason()} decides the answer's status, the message says what was wrong. */
public class RequestRejected extends RuntimeException {

    /** Why a request is refused. */
    public enum Reason {
        /** Malformed body, missing or wrong-typed field, bad value, missing or malformed header. */
        MALFORMED,
        /** Body larger than the limit. */
        TOO_LARGE,
        /** The signature does not verify against the body's identity key. */
        BAD_SIGNATURE,
        /** The timestamp is outside the replay window around the directory's clock. */
        STALE,
        /** The timestamp is not newer than the node's last accepted one: a replay. */
        REPLAYED,
        /** The node is banned by an operator. */
        BANNED,
        /** The address is bound to another identity key, or the key is registered as another kind of node. */
        CONFLICT,
        /** Metrics from a key with no mix node presence. */
        UNKNOWN_NODE,
        /** An authority announcement naming an index the pinned authority set does not have (or no set at all). */
        UNKNOWN_AUTHORITY,
        /**
         * A signature inside the body (an authority announcement's) does not verify under the pinned key: the body is
         * refused as malformed, since the request itself carries no authentication to retry.
         */
        BAD_BODY_SIGNATURE
    }

    private final Reason reason;

    public RequestRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
