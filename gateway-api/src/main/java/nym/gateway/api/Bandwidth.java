package nym.gateway.api;

/**
 * Gateway to client, type 0x0e: the session's bandwidth. Layout: {@code granted i64 | balance i64}. Sent at once when
 * a {@link SpendCredential} was accepted ({@code granted} > 0) and, with {@code granted} = 0, every few seconds of an
 * open session on a metered gateway, so the client can report what is left and top up before it runs out.
 *
 * @param granted bytes this answer adds (0 for a report)
 * @param balance bytes left after it
 */
public record Bandwidth(long granted, long balance) implements GatewayMessage {

    public Bandwidth {
        if (granted < 0 || balance < 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "granted and balance must be non-negative");
        }
    }

    /** Bytes a Bandwidth takes in a cell. */
    public static int encodedLength() {
        return 17;
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_BANDWIDTH, encodedLength())
                .i64(granted)
                .i64(balance)
                .toBytes();
    }

    static Bandwidth read(WireReader in) {
        return new Bandwidth(in.i64("granted"), in.i64("balance"));
    }
}
