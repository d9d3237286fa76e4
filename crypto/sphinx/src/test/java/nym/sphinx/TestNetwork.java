package nym.sphinx;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A handful of nodes with their processors, for tests. */
final class TestNetwork {

    final SphinxParams params;
    final SecureRandom random;
    final List<NodeKeyPair> nodes = new ArrayList<>();
    final Map<NodeAddress, SphinxProcessor> processors = new HashMap<>();
    final PacketBuilder builder;

    TestNetwork(SphinxParams params, int size, long seed) {
        this.params = params;
        this.random = seeded(seed);
        for (int i = 0; i < size; i++) {
            NodeKeyPair kp = NodeKeyPair.generate(random);
            nodes.add(kp);
            processors.put(kp.address(), new SphinxProcessor(params, kp));
        }
        this.builder = new PacketBuilder(params, random);
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Route over the first {@code hops} nodes with delays 1000·(i+1)+hop-specific offset. */
    List<RouteHop> route(int hops) {
        List<RouteHop> route = new ArrayList<>();
        for (int i = 0; i < hops; i++) {
            route.add(new RouteHop(nodes.get(i).publicKey(), 1_000_000L * (i + 1) + 17 * i));
        }
        return route;
    }

    SphinxProcessor processorFor(NodeAddress address) {
        SphinxProcessor p = processors.get(address);
        if (p == null) {
            throw new AssertionError("no node with address " + address);
        }
        return p;
    }

    /** Runs a packet through the network until its final hop. */
    ProcessResult.Final deliver(SphinxPacket packet) throws SphinxException {
        NodeAddress at = packet.firstHop();
        byte[] bytes = packet.bytes();
        for (int i = 0; i <= SphinxSizes.MAX_HOPS; i++) {
            ProcessResult r = processorFor(at).process(bytes);
            if (r instanceof ProcessResult.Final f) {
                return f;
            }
            ProcessResult.Forward fw = (ProcessResult.Forward) r;
            at = fw.nextHop();
            bytes = fw.packet();
        }
        throw new AssertionError("packet did not reach a final hop");
    }

    /** The message of a packet made by {@link PacketBuilder#build}, opened at the recipient as a client would. */
    byte[] deliverMessage(SphinxPacket packet) throws SphinxException {
        return Payloads.openFinal(params, deliver(packet).body());
    }

    static NodeAddress address(int b) {
        byte[] a = new byte[SphinxSizes.ADDRESS];
        java.util.Arrays.fill(a, (byte) b);
        return NodeAddress.of(a);
    }
}
