package nym.gateway.api;

/**
 * Client to gateway, type 0x07: inject one Sphinx packet into the mixnet. Layout: {@code firstHop[32] | length u32 |
 * packet[length]}. {@code firstHop} is the Sphinx node address ({@code nym.sphinx.NodeAddress}) of a layer-1 mix
 * node in the current topology; {@code packet} must be exactly the network's Sphinx packet size. Needs an
 * authenticated session. No answer on success; an {@link ErrorMessage} when the gateway refuses the packet.
 *
 * @param firstHop the first mix node's Sphinx address
 * @param packet the Sphinx packet (not copied on read)
 */
public record Send(byte[] firstHop, byte[] packet) implements GatewayMessage {

    public Send {
        firstHop = GatewayMessage.exact(firstHop, KEY_BYTES, "firstHop");
        if (packet == null) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "packet is missing");
        }
    }

    /** Bytes a Send of a {@code packetSize}-byte packet takes in a cell. */
    public static int encodedLength(int packetSize) {
        return 1 + KEY_BYTES + 4 + packetSize;
    }

    @Override
    public byte[] firstHop() {
        return firstHop.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_SEND, encodedLength(packet.length))
                .bytes(firstHop)
                .lengthPrefixed(packet)
                .toBytes();
    }

    static Send read(WireReader in) {
        return new Send(in.bytes(KEY_BYTES, "firstHop"), in.lengthPrefixed("packet"));
    }

    @Override
    public String toString() {
        return "Send[packet=" + packet.length + " bytes]";
    }
}
