package nym.gateway.api;

import java.util.Arrays;

/**
 * One message the mixnet delivered to a client's inbox (what the gateway, as the Sphinx final hop, received).
 * Layout inside {@link Messages} and {@link Push}: {@code flags u8 | surbId[16] | length u32 | payload[length]}; flag
 * bit 0 ({@link #REPLY}) marks a SURB reply, whose payload is still sealed for the SURB's creator; otherwise
 * {@code payload} is the unpadded message and {@code surbId} is all zero.
 *
 * @param reply a SURB reply
 * @param surbId 16 bytes
 * @param payload the message, or the sealed reply
 */
public record Delivered(boolean reply, byte[] surbId, byte[] payload) {

    public static final int REPLY = 0x01;
    public static final int SURB_ID_BYTES = 16;

    public Delivered {
        surbId = GatewayMessage.exact(surbId, SURB_ID_BYTES, "surbId");
        if (payload == null) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "payload is missing");
        }
    }

    @Override
    public byte[] surbId() {
        return surbId.clone();
    }

    /** Bytes this message takes on the wire. */
    public int encodedLength() {
        return 1 + SURB_ID_BYTES + 4 + payload.length;
    }

    void write(WireWriter out) {
        out.u8(reply ? REPLY : 0).bytes(surbId).lengthPrefixed(payload);
    }

    /** The stored form is the wire form (without the type byte), so an inbox file is one {@code Delivered}. */
    public byte[] toBytes() {
        WireWriter out = new WireWriter(0, encodedLength());
        write(out);
        byte[] all = out.toBytes();
        return Arrays.copyOfRange(all, 1, all.length);
    }

    /** Parses the form of {@link #toBytes()}. */
    public static Delivered fromBytes(byte[] bytes) {
        WireReader in = new WireReader(bytes);
        Delivered d = read(in);
        in.end("Delivered");
        return d;
    }

    static Delivered read(WireReader in) {
        int flags = in.u8("flags");
        if ((flags & ~REPLY) != 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "unknown delivered-message flags " + flags);
        }
        return new Delivered((flags & REPLY) != 0, in.bytes(SURB_ID_BYTES, "surbId"), in.lengthPrefixed("payload"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Delivered d
                && d.reply == reply
                && Arrays.equals(d.surbId, surbId)
                && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Delivered[reply=" + reply + ", " + payload.length + " bytes]";
    }
}
