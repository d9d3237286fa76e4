package nym.mixnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nym.directory.api.EpochDocument;
import nym.directory.api.LayerAssignment;
import nym.gateway.api.Ack;
import nym.gateway.api.Deliver;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.Send;
import nym.mixnode.config.NodeMode;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.testing.InProcessDirectory;
import nym.sphinx.RouteHop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real nodes (layers 1, 2, 3 and a gateway) around an in-process directory and its authorities. */
class ForwardingTest {

    @TempDir
    Path tmp;

    private static MixNode gateway(TestNetwork net) throws Exception {
        MixNode gateway = net.startGateway(net.config(NodeMode.GATEWAY, "gw").build());
        net.nextEpoch();
        return gateway;
    }

    @Test
    void packet_throughThreeLayers_deliveredOnTheSessionAndLeavesOnAck() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway)) {
                byte[] message = "through three layers".getBytes(StandardCharsets.UTF_8);
                client.send(client.packetToSelf(net.route(gateway, 1_000_000), message));

                Deliver got = client.expect(Deliver.class);
                assertArrayEquals(message, GatewayTestClient.message(got.message()));
                for (MixNode mix : net.mixes) {
                    assertEquals(1, mix.metrics().snapshot().received());
                    assertEquals(1, mix.metrics().snapshot().sentTotal());
                }
                assertEquals(1, gateway.metrics().snapshot().delivered());
                client.send(new Ack(new long[] {got.seq()}));
                // a session opened later finds the inbox empty
                try (GatewayTestClient again = new GatewayTestClient(gateway, client.identity)) {
                    awaitEmptyInbox(again);
                }
            }
        }
    }

    /** The acknowledgement is applied on the storage executor; a new session reports what waits. */
    private static void awaitEmptyInbox(GatewayTestClient client) throws Exception {
        assertEquals(0, client.authenticate().waiting());
    }

    @Test
    void session_messagesAndDummies_allDownlinkFramesOneLength() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway)) {
                for (int i = 0; i < 3; i++) {
                    client.send(client.packetToSelf(net.route(gateway, 0), new byte[] {(byte) i}));
                }
                int seen = 0;
                for (int i = 0; i < 3; i++) {
                    Deliver deliver = client.expect(Deliver.class);
                    seen |= 1 << GatewayTestClient.message(deliver.message())[0];
                }
                assertEquals(0b111, seen);
                while (client.dummies.get() == 0) {
                    client.poll(50);
                }
                List<Integer> frames = client.frameLengths;
                int cellFrame = GatewayTestClient.CELLS.downlink() + 16;
                assertTrue(frames.size() > 4, frames.toString());
                assertEquals(
                        List.of(cellFrame),
                        frames.subList(1, frames.size()).stream().distinct().toList(),
                        "after handshake message 2, every frame has the cell length");
            }
        }
    }

    @Test
    void send_toNodeThatIsNotLayerOne_refusedWithUnknownFirstHop() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway)) {
                client.send(client.packetToSelf(net.route(gateway, 0).subList(1, 4), new byte[] {1}));
                ErrorMessage error = client.expect(ErrorMessage.class);
                assertEquals(ErrorMessage.Code.UNKNOWN_FIRST_HOP, error.code());
                assertTrue(client.isOpen());
            }
        }
    }

    @Test
    void packetInFlightAcrossAnEpochBoundary_deliveredThoughTheLayersAreDealtAnew() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            while (sameDeal(
                    net.directory.currentDocument(),
                    net.directory.currentDocument().epoch() + 1)) {
                net.nextEpoch();
            }
            EpochDocument before = net.directory.currentDocument();
            MixNode layer1 = net.inLayer(1);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway)) {
                byte[] message = "across the boundary".getBytes(StandardCharsets.UTF_8);
                List<RouteHop> route = new ArrayList<>(net.route(gateway, 0));
                route.set(0, net.hop(layer1, Duration.ofSeconds(3).toNanos()));
                client.send(client.packetToSelf(route, message));
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (layer1.metrics().snapshot().received() == 0 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }

                EpochDocument after = net.nextEpoch();

                assertEquals(0, layer1.metrics().snapshot().sentTotal(), "still held by layer 1 at the boundary");
                assertNotEquals(deal(before), deal(after));
                Deliver got = client.expect(Deliver.class);
                assertArrayEquals(message, GatewayTestClient.message(got.message()));
            }
        }
    }

    /** Identity key → layer in {@code document}. */
    private static Map<String, Integer> deal(EpochDocument document) {
        Map<String, Integer> layers = new HashMap<>();
        document.mixnodes().forEach(l -> l.nodes().forEach(m -> layers.put(m.identityKey(), l.layer())));
        return layers;
    }

    /** True if the authorities would deal {@code document}'s mix nodes to the same layers in {@code epoch}. */
    private static boolean sameDeal(EpochDocument document, long epoch) {
        Map<String, Integer> now = deal(document);
        return now.equals(LayerAssignment.assign(
                LayerAssignment.seed(InProcessDirectory.NETWORK, epoch),
                now.keySet(),
                document.mixnodes().size()));
    }

    @Test
    void replayedPacket_droppedAndReportedInSignedMetrics() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway)) {
                Send packet = client.packetToSelf(net.route(gateway, 0), new byte[] {1});
                client.send(packet);
                client.send(packet);
                client.expect(Deliver.class);
            }
            MixNode layer1Node = net.inLayer(1);
            String layer1 = TestNetwork.identityOf(layer1Node);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline
                    && net.directory.metricsBodiesText().stream()
                            .noneMatch(b -> b.contains(layer1) && b.contains("\"replay\":1"))) {
                Thread.sleep(50);
            }
            assertEquals(1, layer1Node.metrics().snapshot().dropped(DropReason.REPLAY));
            assertEquals(
                    2,
                    net.directory.metrics().stream()
                            .filter(r -> r.identityKey().equals(layer1))
                            .mapToLong(r -> r.received())
                            .sum());
            assertTrue(net.directory.metricsBodiesText().stream()
                    .anyMatch(b -> b.contains(layer1) && b.contains("\"replay\":1")));
        }
    }
}
