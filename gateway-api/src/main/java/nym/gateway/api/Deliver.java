package nym.gateway.api;

/**
 * Gateway to client, type 0x08: one message from the client's inbox. Layout: {@code seq u64 | length u32 |
 * delivered[length]} where {@code delivered} is {@link Delivered#toBytes()} (opaque to the gateway: an identifier and a
 * fixed-size payload body). The message stays in the inbox until the client sends an {@link Ack} naming {@code seq};
 * unacknowledged it is sent again after the gateway's timeout, so a client may see a {@code seq} twice (never after
 * acknowledging it).
 *
 * @param seq the message's sequence number in the inbox
 * @param message what the mixnet delivered
 */
public record Deliver(long seq, Delivered message) implements GatewayMessage {

    public Deliver {
        if (seq < 0 || message == null) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "seq must be non-negative and a message given");
        }
    }

    /** Bytes a Deliver of a {@code deliveredBytes}-byte {@link Delivered} takes in a cell. */
    public static int encodedLength(int deliveredBytes) {
        return 1 + Long.BYTES + 4 + deliveredBytes;
    }

    @Override
    public byte[] encode() {
        byte[] delivered = message.toBytes();
        return new WireWriter(TYPE_DELIVER, encodedLength(delivered.length))
                .i64(seq)
                .lengthPrefixed(delivered)
                .toBytes();
    }

    static Deliver read(WireReader in) {
        long seq = in.i64("seq");
        byte[] delivered = in.lengthPrefixed("delivered");
        return new Deliver(seq, Delivered.fromBytes(delivered));
    }

    @Override
    public String toString() {
        return "Deliver[seq=" + seq + "]";
    }
}
