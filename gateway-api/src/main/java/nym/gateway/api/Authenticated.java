package nym.gateway.api;

/**
 * Gateway to client, type 0x06: the session is open; from now on the gateway sends one cell per downlink tick.
 * Layout: {@code waiting u32 | droppedTotal i64}.
 *
 * @param waiting messages in the inbox now
 * @param droppedTotal messages this inbox has dropped (oldest first) because it was full, since it was created
 */
public record Authenticated(long waiting, long droppedTotal) implements GatewayMessage {

    public Authenticated {
        if (waiting < 0 || waiting > 0xffffffffL || droppedTotal < 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "counts must be non-negative (waiting is a u32)");
        }
    }

    /** Bytes an Authenticated takes in a cell. */
    public static int encodedLength() {
        return 13;
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_AUTHENTICATED, encodedLength())
                .u32(waiting)
                .i64(droppedTotal)
                .toBytes();
    }

    static Authenticated read(WireReader in) {
        return new Authenticated(in.u32("waiting"), in.i64("droppedTotal"));
    }
}
