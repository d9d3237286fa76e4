package nym.mixnode.incoming;

/**
 * The frame of the mix links (node to node, gateway to layer 1): {@code version u8 | length u32 | packet[length]},
 * big-endian, on long-lived TCP connections. Every packet of a network has the same length, so {@code length} must be
 * exactly the Sphinx packet size: the header exists so a peer of another version or network is refused at once (the
 * connection is closed) instead of being misread as packets.
 */
public final class PacketFrame {

    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 5;

    private PacketFrame() {}
}
