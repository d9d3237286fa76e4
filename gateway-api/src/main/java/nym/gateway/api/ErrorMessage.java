package nym.gateway.api;

import java.nio.charset.StandardCharsets;

/**
 * Gateway to client, type 0x09: a request was refused. Layout: {@code code u16 | length u16 | text[length] (UTF-8)}.
 * After {@link Code#MALFORMED} and {@link Code#UNSUPPORTED_VERSION} the gateway closes the connection; after the
 * others the session goes on.
 *
 * @param code what was wrong
 * @param text a human-readable detail (at most 1024 bytes of UTF-8)
 */
public record ErrorMessage(Code code, String text) implements GatewayMessage {

    public static final int MAX_TEXT_BYTES = 1024;

    /** Error codes; the wire value is {@link #wire()}. */
    public enum Code {
        /** The frame did not parse (the connection is closed). */
        MALFORMED(1),
        /** Another protocol version (the connection is closed). */
        UNSUPPORTED_VERSION(2),
        /** Register: the signature does not verify. */
        BAD_SIGNATURE(3),
        /** Register: the timestamp is outside the gateway's window. */
        STALE_TIMESTAMP(4),
        /** Send or Fetch before Authenticate. */
        NOT_AUTHENTICATED(5),
        /** Authenticate: unknown client or wrong token. */
        BAD_TOKEN(6),
        /** Send: the first hop is not a layer-1 node of the current topology. */
        UNKNOWN_FIRST_HOP(7),
        /** Send: the gateway is overloaded and dropped the packet. */
        OVERLOADED(8),
        /** Send: the packet is not the network's packet size. */
        WRONG_PACKET_SIZE(9),
        /** A message only the gateway sends, or a second Authenticate on one connection. */
        UNEXPECTED_MESSAGE(10);

        private final int wire;

        Code(int wire) {
            this.wire = wire;
        }

        public int wire() {
            return wire;
        }

        static Code of(int wire) {
            for (Code c : values()) {
                if (c.wire == wire) {
                    return c;
                }
            }
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "unknown error code " + wire);
        }
    }

    public ErrorMessage {
        if (code == null || text == null) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "code and text required");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "error text over " + MAX_TEXT_BYTES + " bytes");
        }
    }

    @Override
    public byte[] encode() {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new WireWriter(TYPE_ERROR, 4 + utf8.length)
                .u16(code.wire())
                .u16(utf8.length)
                .bytes(utf8)
                .toBytes();
    }

    static ErrorMessage read(WireReader in) {
        Code code = Code.of(in.u16("code"));
        int length = in.u16("text length");
        if (length > MAX_TEXT_BYTES) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "error text over " + MAX_TEXT_BYTES + " bytes");
        }
        return new ErrorMessage(code, in.utf8(length, "text"));
    }
}
