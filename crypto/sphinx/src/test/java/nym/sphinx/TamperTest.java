package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TamperTest {

    private static final Set<SphinxException.Kind> ALPHA_KINDS =
            Set.of(SphinxException.Kind.MAC_MISMATCH, SphinxException.Kind.INVALID_ALPHA);

    /** The packet as received by each hop of a 3-hop route. */
    private static byte[][] packetsAtEachHop(TestNetwork net, List<RouteHop> route, byte[] message) throws Exception {
        byte[][] atHop = new byte[route.size()][];
        atHop[0] = net.builder
                .build(route, Destination.of(TestNetwork.address(9)), message)
                .bytes();
        for (int i = 1; i < route.size(); i++) {
            atHop[i] = ((ProcessResult.Forward)
                            net.processorFor(route.get(i - 1).address()).process(atHop[i - 1]))
                    .packet();
        }
        return atHop;
    }

    @Test
    void process_anyHeaderBitFlippedAtAnyHop_failsAtThatHop() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 20);
        List<RouteHop> route = net.route(3);
        byte[][] atHop = packetsAtEachHop(net, route, new byte[] {42});
        int checked = 0;
        for (int hop = 0; hop < 3; hop++) {
            SphinxProcessor node = net.processorFor(route.get(hop).address());
            for (int bit = 0; bit < SphinxSizes.HEADER * 8; bit++) {
                byte[] p = atHop[hop].clone();
                p[bit / 8] ^= (byte) (1 << (bit % 8));
                SphinxException e =
                        assertThrows(SphinxException.class, () -> node.process(p), "hop " + hop + " bit " + bit);
                if (bit < SphinxSizes.ALPHA * 8) {
                    assertTrue(ALPHA_KINDS.contains(e.kind()), "α bit " + bit + ": " + e.kind());
                } else {
                    assertEquals(SphinxException.Kind.MAC_MISMATCH, e.kind(), "β/γ bit " + bit);
                }
                checked++;
            }
        }
        assertEquals(3 * SphinxSizes.HEADER * 8, checked);
    }

    @Test
    void process_anyPayloadBitFlippedAtAnyHop_detectedAtRecipient() throws Exception {
        // every bit of a small payload, so the test stays fast; the default size is sampled below
        SphinxParams params = new SphinxParams(96);
        TestNetwork net = new TestNetwork(params, 3, 21);
        List<RouteHop> route = net.route(3);
        byte[][] atHop = packetsAtEachHop(net, route, new byte[] {1, 2, 3, 4});
        for (int hop = 0; hop < 3; hop++) {
            for (int bit = 0; bit < params.payloadSize() * 8; bit++) {
                byte[] p = atHop[hop].clone();
                p[SphinxSizes.PAYLOAD_OFFSET + bit / 8] ^= (byte) (1 << (bit % 8));
                assertPayloadCorruptedAtRecipient(net, route, hop, p);
            }
        }
    }

    @Test
    void process_sampledPayloadBitsFlippedAtDefaultSize_detectedAtRecipient() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 22);
        List<RouteHop> route = net.route(3);
        byte[][] atHop = packetsAtEachHop(net, route, "payload".getBytes());
        int bits = SphinxParams.DEFAULT.payloadSize() * 8;
        for (int n = 0; n < 300; n++) {
            int hop = n % 3;
            int bit = n < 6 ? (n % 2 == 0 ? 0 : bits - 1) : net.random.nextInt(bits);
            byte[] p = atHop[hop].clone();
            p[SphinxSizes.PAYLOAD_OFFSET + bit / 8] ^= (byte) (1 << (bit % 8));
            assertPayloadCorruptedAtRecipient(net, route, hop, p);
        }
    }

    /** The final hop delivers the changed body unchecked; the recipient's check fails. */
    private static void assertPayloadCorruptedAtRecipient(TestNetwork net, List<RouteHop> route, int hop, byte[] p)
            throws SphinxException {
        byte[] bytes = p;
        for (int i = hop; i < route.size() - 1; i++) {
            ProcessResult r = net.processorFor(route.get(i).address()).process(bytes);
            bytes = assertInstanceOf(ProcessResult.Forward.class, r, "intermediate hops do not see payload changes")
                    .packet();
        }
        SphinxProcessor last = net.processorFor(route.get(route.size() - 1).address());
        ProcessResult.Final f = assertInstanceOf(ProcessResult.Final.class, last.process(bytes));
        SphinxException e = assertThrows(SphinxException.class, () -> Payloads.openFinal(net.params, f.body()));
        assertEquals(SphinxException.Kind.PAYLOAD_CORRUPTED, e.kind());
    }

    @Test
    void process_wrongNodeKey_failsMac() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 4, 23);
        List<RouteHop> route = net.route(3);
        byte[] packet = net.builder
                .build(route, Destination.of(TestNetwork.address(9)), new byte[5])
                .bytes();
        for (int other : new int[] {1, 2, 3}) {
            SphinxProcessor wrong = net.processorFor(net.nodes.get(other).address());
            SphinxException e = assertThrows(SphinxException.class, () -> wrong.process(packet));
            assertEquals(SphinxException.Kind.MAC_MISMATCH, e.kind());
        }
        SphinxProcessor stranger = new SphinxProcessor(SphinxParams.DEFAULT, NodeKeyPair.generate(net.random));
        assertEquals(
                SphinxException.Kind.MAC_MISMATCH,
                assertThrows(SphinxException.class, () -> stranger.process(packet))
                        .kind());
    }

    @Test
    void process_packetOfOtherPayloadSize_rejectedAsMalformed() throws Exception {
        TestNetwork small = new TestNetwork(new SphinxParams(256), 1, 24);
        byte[] packet = small.builder
                .build(small.route(1), Destination.of(TestNetwork.address(9)), new byte[5])
                .bytes();
        SphinxProcessor node = new SphinxProcessor(SphinxParams.DEFAULT, small.nodes.get(0));
        assertEquals(
                SphinxException.Kind.MALFORMED,
                assertThrows(SphinxException.class, () -> node.process(packet)).kind());
    }

    @Test
    void process_lowOrderOrNonCanonicalAlpha_rejectedAsInvalidAlpha() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 1, 25);
        SphinxProcessor node = net.processorFor(net.nodes.get(0).address());
        byte[] packet = net.builder
                .build(net.route(1), Destination.of(TestNetwork.address(9)), new byte[5])
                .bytes();
        byte[][] alphas = {
            new byte[32], // u = 0
            le(1), // u = 1, order 4
            hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"), // order 8
            hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // p, non-canonical
            hex("0900000000000000000000000000000000000000000000000000000000000080"), // top bit set
        };
        for (byte[] alpha : alphas) {
            byte[] p = packet.clone();
            System.arraycopy(alpha, 0, p, 0, 32);
            assertEquals(
                    SphinxException.Kind.INVALID_ALPHA,
                    assertThrows(SphinxException.class, () -> node.process(p)).kind());
        }
    }

    private static byte[] le(int v) {
        byte[] b = new byte[32];
        b[0] = (byte) v;
        return b;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
