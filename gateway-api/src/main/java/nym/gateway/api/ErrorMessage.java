package nym.gateway.api;

import java.nio.charset.StandardCharsets;

/**
 * Gateway to client, type 0x0a: a request was refused. Layout: {@code code u16 | length u16 | text[length] (UTF-8)}.
 * After the codes marked "closes" the gateway closes the link (and counts why); after the others the session goes on.
 *
 * @param code what was wrong
 * @param text a human-readable detail (at most {@value #MAX_TEXT_BYTES} bytes of UTF-8)
 */
public record ErrorMessage(Code code, String text) implements GatewayMessage {

    public static final int MAX_TEXT_BYTES = 1024;

    /** Error codes; the wire value is {@link #wire()}. */
    public enum Code {
        /** A cell did not parse (closes). */
        MALFORMED(1),
        /** Another protocol version (closes). */
        UNSUPPORTED_VERSION(2),
        /** ChallengeResponse: the signature does not verify for this challenge and link (closes). */
        BAD_SIGNATURE(3),
        /** Register or Authenticate: the link's static key is not the X25519 form of the client id (closes). */
        KEY_MISMATCH(4),
        /** Send before the session is open. */
        NOT_AUTHENTICATED(5),
        /** Authenticate: the client id is not registered here (closes; the client may register again). */
        NOT_REGISTERED(6),
        /** Send: the first hop is not a layer-1 node of the current topology. */
        UNKNOWN_FIRST_HOP(7),
        /** Send: the gateway is overloaded and dropped the packet. */
        OVERLOADED(8),
        /** Send: the packet is not the network's packet size. */
        WRONG_PACKET_SIZE(9),
        /** A message only the gateway sends, or out of order (ChallengeResponse without Register, a second session). */
        UNEXPECTED_MESSAGE(10),
        /** Register: the gateway holds as many registrations as it accepts (closes). */
        REGISTRATIONS_FULL(11),
        /** Send (or a Deliver due) with no bandwidth left: the client spends a credential (SpendCredential). */
        NO_BANDWIDTH(12),
        /**
         * SpendCredential: Θ does not verify for this gateway's binding, the offered nonce and the value under its key
         * epoch's group key, or its key epoch is not accepted (expired, never completed); the text says which.
         */
        CREDENTIAL_INVALID(13),
        /** SpendCredential: ζ is spent or pending on the ledger, or already spent at this gateway. */
        DOUBLE_SPEND(14),
        /** SpendCredential: no offer is outstanding on this session, or the nonce is not the offered one. */
        NONCE_INVALID(15),
        /** SpendCredential: the ledger could not be asked (keys, ζ); nothing changed, the client may try again. */
        LEDGER_UNAVAILABLE(16);

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

    /** The text as one line of printable ASCII (anything else becomes {@code ?}): the peer's text is safe to log. */
    public String printableText() {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Bytes an error with {@code textBytes} of UTF-8 takes in a cell. */
    public static int encodedLength(int textBytes) {
        return 5 + textBytes;
    }

    @Override
    public byte[] encode() {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new WireWriter(TYPE_ERROR, encodedLength(utf8.length))
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
