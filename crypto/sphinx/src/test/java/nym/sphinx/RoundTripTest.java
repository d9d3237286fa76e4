package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void process_routeOfNHops_eachHopSeesNextAddressAndDelayAndFinalGetsMessage(int hops) throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 5, 100 + hops);
        List<RouteHop> route = net.route(hops);
        NodeAddress dest = TestNetwork.address(7);
        byte[] message = ("hello over " + hops + " hops").getBytes(StandardCharsets.UTF_8);

        SphinxPacket packet = net.builder.build(route, Destination.of(dest), message);
        assertEquals(route.get(0).address(), packet.firstHop());

        byte[] bytes = packet.bytes();
        for (int i = 0; i < hops; i++) {
            assertEquals(SphinxParams.DEFAULT.packetSize(), bytes.length, "length at hop " + i);
            ProcessResult r = net.processorFor(route.get(i).address()).process(bytes);
            if (i < hops - 1) {
                ProcessResult.Forward f = assertInstanceOf(ProcessResult.Forward.class, r, "hop " + i);
                assertEquals(route.get(i + 1).address(), f.nextHop(), "next address at hop " + i);
                assertEquals(route.get(i).delayNanos(), f.delayNanos(), "delay at hop " + i);
                bytes = f.packet();
            } else {
                ProcessResult.Final f = assertInstanceOf(ProcessResult.Final.class, r);
                assertEquals(dest, f.destination());
                assertEquals(SphinxSizes.IDENTIFIER, f.identifier().toBytes().length);
                assertEquals(route.get(i).delayNanos(), f.delayNanos());
                assertEquals(SphinxParams.DEFAULT.payloadSize(), f.body().length, "the whole body, unpadded later");
                assertArrayEquals(message, Payloads.openFinal(SphinxParams.DEFAULT, f.body()));
            }
        }
    }

    @Test
    void build_longestMessage_roundTrips() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 5);
        byte[] message = new byte[SphinxParams.DEFAULT.maxMessageSize()];
        net.random.nextBytes(message);
        message[message.length - 1] = 0; // trailing zeros must survive unpadding
        assertArrayEquals(
                message,
                net.deliverMessage(net.builder.build(net.route(3), Destination.of(TestNetwork.address(1)), message)));
    }

    @Test
    void build_customPayloadSize_roundTripsWithThatLength() throws Exception {
        SphinxParams params = new SphinxParams(512);
        TestNetwork net = new TestNetwork(params, 4, 6);
        SphinxPacket p = net.builder.build(net.route(4), Destination.of(TestNetwork.address(1)), new byte[] {1, 2, 3});
        assertEquals(SphinxSizes.HEADER + 512, p.bytes().length);
        assertArrayEquals(new byte[] {1, 2, 3}, net.deliverMessage(p));
    }

    @Test
    void build_routesOfAnyLength_allPacketsSameLengthAtEveryHop() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 5, 7);
        Set<Integer> lengths = new HashSet<>();
        for (int hops = 1; hops <= 5; hops++) {
            byte[] bytes = net.builder
                    .build(net.route(hops), Destination.of(TestNetwork.address(1)), new byte[hops * 100])
                    .bytes();
            lengths.add(bytes.length);
            NodeAddress at = net.nodes.get(0).address();
            while (true) {
                ProcessResult r = net.processorFor(at).process(bytes);
                if (r instanceof ProcessResult.Forward f) {
                    lengths.add(f.packet().length);
                    at = f.nextHop();
                    bytes = f.packet();
                } else {
                    break;
                }
            }
        }
        assertEquals(Set.of(SphinxParams.DEFAULT.packetSize()), lengths);
    }

    @Test
    void build_sameInputsTwice_packetsDiffer() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 8);
        byte[] a = net.builder
                .build(net.route(3), Destination.of(TestNetwork.address(1)), new byte[10])
                .bytes();
        byte[] b = net.builder
                .build(net.route(3), Destination.of(TestNetwork.address(1)), new byte[10])
                .bytes();
        assertFalse(java.util.Arrays.equals(a, b));
    }

    @Test
    void build_twoMessagesToOneDestination_randomIdentifiers() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 1, 11);
        Set<SurbId> identifiers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            identifiers.add(
                    net.deliver(net.builder.build(net.route(1), Destination.of(TestNetwork.address(1)), new byte[1]))
                            .identifier());
        }
        assertEquals(20, identifiers.size(), "a fresh random identifier per packet, never a fixed 'no SURB' value");
    }

    @Test
    void build_invalidRoutes_throwInvalidRoute() {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 6, 9);
        List<RouteHop> six = new java.util.ArrayList<>(net.route(5));
        six.add(new RouteHop(net.nodes.get(5).publicKey(), 0));
        for (List<RouteHop> route : List.of(List.<RouteHop>of(), six)) {
            SphinxException e = assertThrows(
                    SphinxException.class,
                    () -> net.builder.build(route, Destination.of(TestNetwork.address(1)), new byte[1]));
            assertEquals(SphinxException.Kind.INVALID_ROUTE, e.kind());
        }
    }

    @Test
    void build_messageTooLong_throwsMessageTooLongWithSizes() {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 1, 10);
        byte[] message = new byte[SphinxParams.DEFAULT.maxMessageSize() + 1];
        SphinxException e = assertThrows(
                SphinxException.class,
                () -> net.builder.build(net.route(1), Destination.of(TestNetwork.address(1)), message));
        assertEquals(SphinxException.Kind.MESSAGE_TOO_LONG, e.kind());
        assertTrue(e.getMessage().contains(String.valueOf(message.length)), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(SphinxParams.DEFAULT.maxMessageSize())), e.getMessage());
    }
}
