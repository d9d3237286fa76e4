package nym.sphinx;

import static nym.sphinx.SphinxSizes.*;

import java.util.Arrays;
import java.util.Objects;

/**
 * A single-use reply block (Danezis and Goldberg, §3.4): the first hop's address, a ready header whose final hop
 * delivers to the SURB's creator, and a fresh Lioness key k̃. The replier wraps its message as δ = Lioness_k̃(0^κ |
 * padded message) and sends header | δ to the first hop; it learns nothing about the route. Use it once: a second
 * use is dropped by the first hop's replay check.
 *
 * <p>Wire form ({@value SphinxSizes#SURB} bytes): first hop address | header | k̃.
 */
public final class Surb {

    private final SphinxParams params;
    private final NodeAddress firstHop;
    private final byte[] header;
    private final byte[] replyKey;

    Surb(SphinxParams params, NodeAddress firstHop, byte[] header, byte[] replyKey) {
        this.params = params;
        this.firstHop = firstHop;
        this.header = header;
        this.replyKey = replyKey;
    }

    public NodeAddress firstHop() {
        return firstHop;
    }

    public byte[] toBytes() {
        byte[] out = new byte[SURB];
        firstHop.copyTo(out, 0);
        System.arraycopy(header, 0, out, ADDRESS, HEADER);
        System.arraycopy(replyKey, 0, out, ADDRESS + HEADER, LIONESS_KEY);
        return out;
    }

    /**
     * A SURB received from its creator.
     *
     * @throws SphinxException {@link SphinxException.Kind#MALFORMED} when the length is wrong
     */
    public static Surb fromBytes(SphinxParams params, byte[] bytes) throws SphinxException {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != SURB) {
            throw new SphinxException(
                    SphinxException.Kind.MALFORMED, "a SURB has " + SURB + " bytes, got " + bytes.length);
        }
        return new Surb(
                params,
                NodeAddress.copyOf(bytes, 0),
                Arrays.copyOfRange(bytes, ADDRESS, ADDRESS + HEADER),
                Arrays.copyOfRange(bytes, ADDRESS + HEADER, SURB));
    }

    /**
     * The reply packet carrying {@code message}, to send to {@link #firstHop()}.
     *
     * @throws SphinxException {@link SphinxException.Kind#MESSAGE_TOO_LONG} when the message does not fit
     */
    public SphinxPacket reply(byte[] message) throws SphinxException {
        byte[] packet = new byte[params.packetSize()];
        System.arraycopy(header, 0, packet, 0, HEADER);
        Payloads.padInto(message, packet, PAYLOAD_OFFSET + PAYLOAD_ZERO_PREFIX, params.bodySize());
        new Lioness().encrypt(replyKey, 0, packet, PAYLOAD_OFFSET, params.payloadSize());
        return new SphinxPacket(firstHop, packet);
    }

    @Override
    public String toString() {
        return "Surb[firstHop=" + firstHop + "]";
    }
}
