package nym.gateway.api;

import java.util.Arrays;

/**
 * Client to gateway, type 0x09: these messages are stored on the client; the gateway may delete them. Layout:
 * {@code count u8 (1..}{@value #MAX_SEQS}{@code ) | count × seq u64}. Acknowledging a sequence number the inbox no
 * longer holds does nothing.
 *
 * @param seqs sequence numbers from {@link Deliver}
 */
public record Ack(long[] seqs) implements GatewayMessage {

    /** At most this many sequence numbers per Ack, so one fits in an uplink cell next to a {@link Send}. */
    public static final int MAX_SEQS = 32;

    public Ack {
        if (seqs == null || seqs.length < 1 || seqs.length > MAX_SEQS) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "an Ack names 1.." + MAX_SEQS + " sequence numbers");
        }
        seqs = seqs.clone();
        for (long seq : seqs) {
            if (seq < 0) {
                throw new GatewayProtocolException(
                        GatewayProtocolException.Kind.INVALID_FIELD, "sequence numbers are non-negative");
            }
        }
    }

    /** Bytes an Ack of {@code count} sequence numbers takes in a cell. */
    public static int encodedLength(int count) {
        return 2 + count * Long.BYTES;
    }

    @Override
    public long[] seqs() {
        return seqs.clone();
    }

    @Override
    public byte[] encode() {
        WireWriter out = new WireWriter(TYPE_ACK, encodedLength(seqs.length)).u8(seqs.length);
        for (long seq : seqs) {
            out.i64(seq);
        }
        return out.toBytes();
    }

    static Ack read(WireReader in) {
        int count = in.u8("count");
        if (count < 1 || count > MAX_SEQS) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "Ack count " + count + " outside 1.." + MAX_SEQS);
        }
        long[] seqs = new long[count];
        for (int i = 0; i < count; i++) {
            seqs[i] = in.i64("seq");
        }
        return new Ack(seqs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ack a && Arrays.equals(a.seqs, seqs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seqs);
    }

    @Override
    public String toString() {
        return "Ack" + Arrays.toString(seqs);
    }
}
