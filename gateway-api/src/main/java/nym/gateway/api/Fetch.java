package nym.gateway.api;

/**
 * Client to gateway, type 0x06: "give me my waiting messages". Layout: {@code max u16} (1..65535). The gateway
 * answers one {@link Messages} with up to {@code max} messages, oldest first (fewer when they would not fit into
 * {@link GatewayMessage#MAX_MESSAGE_BYTES}), and removes them from the inbox once the answer is written.
 *
 * @param max most messages wanted
 */
public record Fetch(int max) implements GatewayMessage {

    public Fetch {
        if (max < 1 || max > 0xffff) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "max must be 1..65535");
        }
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_FETCH, 2).u16(max).toBytes();
    }

    static Fetch read(WireReader in) {
        return new Fetch(in.u16("max"));
    }
}
