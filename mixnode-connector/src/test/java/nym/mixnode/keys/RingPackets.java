package nym.mixnode.keys;

import java.security.SecureRandom;
import java.util.List;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.ReplayTag;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;

/** Sphinx packets whose first hop is a given key, for tests of the key ring and the crypto workers. */
public final class RingPackets {

    /** The second hop of every forward packet: a key no test node holds. */
    public static final NodeKeyPair NEXT_HOP = NodeKeyPair.generate(new SecureRandom());

    private static final byte[] MESSAGE = {1, 2, 3};

    private RingPackets() {}

    /** A packet that {@code key} forwards to {@link #NEXT_HOP} after {@code delayNanos}. */
    public static byte[] forward(NodeKeyPair key, long delayNanos, SecureRandom random) throws SphinxException {
        return new PacketBuilder(SphinxParams.DEFAULT, random)
                .build(
                        List.of(new RouteHop(key.publicKey(), delayNanos), new RouteHop(NEXT_HOP.publicKey(), 0)),
                        Destination.of(NEXT_HOP.address()),
                        MESSAGE)
                .bytes();
    }

    /** A packet whose final hop is {@code key}, for {@code destination}. */
    public static byte[] last(NodeKeyPair key, NodeAddress destination, SecureRandom random) throws SphinxException {
        return new PacketBuilder(SphinxParams.DEFAULT, random)
                .build(List.of(new RouteHop(key.publicKey(), 0)), Destination.of(destination), MESSAGE)
                .bytes();
    }

    /** The replay tag of a fresh packet at {@code key}. */
    public static ReplayTag freshTag(NodeKeyPair key) throws SphinxException {
        SecureRandom random = new SecureRandom();
        return new SphinxProcessor(SphinxParams.DEFAULT, key)
                .process(forward(key, 0, random))
                .replayTag();
    }
}
