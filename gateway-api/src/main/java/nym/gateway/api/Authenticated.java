package nym.gateway.api;

/**
 * Gateway to client, type 0x06: the session is open; from now on the gateway sends one cell per downlink tick.
 * Layout: {@code waiting u32 | droppedTotal i64 | bandwidth i64}.
 *
 * @param waiting messages in the inbox now
 * @param droppedTotal messages this inbox has dropped (oldest first) because it was full, since it was created
 * @param bandwidth bytes of bandwidth the client has left here, or {@link #UNMETERED} on a gateway that does not
 *     charge
 */
public record Authenticated(long waiting, long droppedTotal, long bandwidth) implements GatewayMessage {

    /** The bandwidth of a gateway that takes no credentials (development and test networks). */
    public static final long UNMETERED = -1;

    public Authenticated {
        if (waiting < 0 || waiting > 0xffffffffL || droppedTotal < 0 || bandwidth < UNMETERED) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD,
                    "counts must be non-negative (waiting is a u32), bandwidth ≥ -1");
        }
    }

    /** Bytes an Authenticated takes in a cell. */
    public static int encodedLength() {
        return 21;
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_AUTHENTICATED, encodedLength())
                .u32(waiting)
                .i64(droppedTotal)
                .i64(bandwidth)
                .toBytes();
    }

    static Authenticated read(WireReader in) {
        return new Authenticated(in.u32("waiting"), in.i64("droppedTotal"), in.i64("bandwidth"));
    }
}
