package nym.gateway.api;

/** The one exception of the gateway client protocol: a cell or message that cannot be built or parsed. {@link #kind()} says why. */
public final class GatewayProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a message was refused. */
    public enum Kind {
        /** Fewer bytes than the message's layout needs. */
        TRUNCATED,
        /** Bytes left over after the message's last field. */
        TRAILING_BYTES,
        /** The first byte is not a protocol version this code speaks. */
        UNSUPPORTED_VERSION,
        /** The type byte names no message. */
        UNKNOWN_TYPE,
        /** A field is out of its range (a length, a count, a flag, UTF-8 text). */
        INVALID_FIELD,
        /** A message does not fit in the cell it is packed into. */
        TOO_LARGE
    }

    private final Kind kind;

    public GatewayProtocolException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
