package nym.sphinx;

import java.util.Objects;

/**
 * A packet ready to send: the address of its first hop and its bytes (always {@link SphinxParams#packetSize()} long).
 * The array is not copied; treat it as owned by the receiver.
 */
public record SphinxPacket(NodeAddress firstHop, byte[] bytes) {

    public SphinxPacket {
        Objects.requireNonNull(firstHop, "firstHop");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "SphinxPacket[firstHop=" + firstHop + ", length=" + bytes.length + "]";
    }
}
