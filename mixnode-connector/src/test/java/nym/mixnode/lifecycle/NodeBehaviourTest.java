package nym.mixnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Deliver;
import nym.link.LinkException;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.metrics.DropReason;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.NodePublicKey;
import nym.sphinx.PacketBuilder;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real nodes on free ports: what a node drops and why, shutdown drain, inboxes across a gateway restart. */
class NodeBehaviourTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private final PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom());

    private static void await(String what, LongSupplier value, long expected) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (value.getAsLong() != expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(expected, value.getAsLong(), what);
    }

    private SphinxPacket packet(List<RouteHop> route) throws Exception {
        return builder.build(route, Destination.of(NodeAddress.of(new byte[32])), new byte[] {1});
    }

    @Test
    void nextHopNotInNextLayer_droppedAndCountedAsUnknownNextHop() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            RouteHop stranger = new RouteHop(
                    NodePublicKey.of(
                            NodeKeyPair.generate(new SecureRandom()).publicKey().toBytes()),
                    0);
            SphinxPacket toStranger = packet(List.of(TestNetwork.hop(layer1, 0), stranger));
            SphinxPacket skippingLayer2 =
                    packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(net.mixes.get(2), 0)));
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                link.sendPacket(toStranger.bytes());
                link.sendPacket(skippingLayer2.bytes());
            }
            await("unknown next hop drops", () -> layer1.metrics().snapshot().dropped(DropReason.UNKNOWN_NEXT_HOP), 2);
            assertEquals(0, layer1.metrics().snapshot().sentTotal());
        }
    }

    @Test
    void nextHopRemovedFromTopology_laterPacketsDroppedAsUnknownNextHop() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            MixNode layer2 = net.mixes.get(1);
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                link.sendPacket(packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(layer2, 0)))
                        .bytes());
                await(
                        "forwarded while listed",
                        () -> layer1.metrics().snapshot().sentTotal(),
                        1);
                net.directory.removeNode(TestNetwork.identityOf(layer2));
                assertTrue(layer1.refreshTopology());
                link.sendPacket(packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(layer2, 0)))
                        .bytes());
                await(
                        "dropped once removed",
                        () -> layer1.metrics().snapshot().dropped(DropReason.UNKNOWN_NEXT_HOP),
                        1);
            }
            assertEquals(1, layer1.metrics().snapshot().sentTotal());
            assertEquals(1, layer2.metrics().snapshot().received());
        }
    }

    @Test
    void replayedPacket_droppedOnceForwardedOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            SphinxPacket p = packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(net.mixes.get(1), 0)));
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                link.sendPacket(p.bytes());
                link.sendPacket(p.bytes());
            }
            await("replay drops", () -> layer1.metrics().snapshot().dropped(DropReason.REPLAY), 1);
            await("forwarded", () -> layer1.metrics().snapshot().sentTotal(), 1);
        }
    }

    @Test
    void metricsEndpoint_afterAReplay_servesTheNodesCountersAsPrometheusText() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            net.mixes.add(MixNode.start(
                    net.config(NodeMode.MIX, 1, "mix-1").metricsPort(0).build()));
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, 2, "mix-2").build()));
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            assertNull(net.mixes.get(1).metricsAddress(), "off unless configured");
            SphinxPacket p = packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(net.mixes.get(1), 0)));
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                link.sendPacket(p.bytes());
                link.sendPacket(p.bytes());
            }
            await("forwarded", () -> layer1.metrics().snapshot().sentTotal(), 1);
            await("replay drops", () -> layer1.metrics().snapshot().dropped(DropReason.REPLAY), 1);

            HttpResponse<String> r = scrape(layer1);

            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(r.body().contains("nym_mixnode_packets_received_total 2\n"), r.body());
            assertTrue(r.body().contains("nym_mixnode_packets_dropped_total{reason=\"replay\"} 1\n"), r.body());
            // sent in total: no per-link label (issue 17); the endpoint is on loopback
            assertTrue(r.body().contains("nym_mixnode_packets_sent_total 1\n"), r.body());
            assertFalse(
                    r.body()
                            .contains(String.valueOf(
                                    net.mixes.get(1).mixnetAddress().getPort())),
                    r.body());
            assertTrue(layer1.metricsAddress().getAddress().isLoopbackAddress());
            assertFalse(r.body().contains("nym_gateway_"), "gateway families on gateways only: " + r.body());
        }
    }

    @Test
    void metricsEndpoint_gatewayAfterAGarbledClientHandshake_servesTheRefusalByKind() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode gateway = net.startGateway(
                    net.config(NodeMode.GATEWAY, 0, "gw").metricsPort(0).build());
            try (Socket bad = new Socket(
                    gateway.clientAddress().getAddress(),
                    gateway.clientAddress().getPort())) {
                bad.getOutputStream().write(garbledNoiseMessage1());
                bad.setSoTimeout(5000);
                assertEquals(-1, bad.getInputStream().read(), "closed without an answer");
            }
            await(
                    "garbled client handshakes",
                    () -> gateway.gatewayCounters().linkFailures(LinkException.Kind.GARBLED_HANDSHAKE),
                    1);

            String body = scrape(gateway).body();

            assertTrue(body.contains("nym_gateway_client_link_failures_total{kind=\"garbled_handshake\"} 1\n"), body);
            assertTrue(body.contains("nym_gateway_sessions_refused_total{reason=\"registrations_full\"} 0\n"), body);
            assertTrue(body.contains("\nnym_gateway_inboxes_expired_total 0\n"), body);
            assertTrue(body.contains("\nnym_gateway_storage_busy_total 0\n"), body);
            // the client listener's refusals are its own: the mix link family is untouched
            assertTrue(body.contains("nym_mixnode_link_failures_total{kind=\"garbled_handshake\"} 0\n"), body);
        }
    }

    /** A Noise XK message 1 of the right length whose ephemeral key and tag are random. */
    private static byte[] garbledNoiseMessage1() {
        byte[] message1 = new byte[2 + 48];
        new SecureRandom().nextBytes(message1);
        message1[0] = 0;
        message1[1] = 48;
        return message1;
    }

    private static HttpResponse<String> scrape(MixNode node) throws Exception {
        URI uri = URI.create("http:/" + node.metricsAddress() + "/metrics");
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void garbledHandshake_closesOnlyThatConnectionCountedWhileAnotherLinkForwards() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            SphinxPacket p = packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(net.mixes.get(1), 0)));
            try (MixLinkTestSender good = net.gatewaySenderTo(layer1);
                    Socket bad = new Socket(
                            layer1.mixnetAddress().getAddress(),
                            layer1.mixnetAddress().getPort())) {
                bad.getOutputStream().write(garbledNoiseMessage1());
                bad.setSoTimeout(5000);
                assertEquals(-1, bad.getInputStream().read(), "closed without an answer");
                good.sendPacket(p.bytes());
                await(
                        "forwarded on the good link",
                        () -> layer1.metrics().snapshot().sentTotal(),
                        1);
            }
            assertEquals(1, layer1.metrics().snapshot().linkFailures(LinkException.Kind.GARBLED_HANDSHAKE));
        }
    }

    @Test
    void linkFromANodeOfTheWrongLayer_refusedAndCounted() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            MixNode layer2 = net.mixes.get(1);
            SphinxPacket p = packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(layer2, 0)));
            try (MixLinkTestSender wrongLayer =
                    new MixLinkTestSender(layer1, layer2.config().keys())) {
                // XK: the initiator's handshake ends with its message 3, so it may send before the refusal arrives
                wrongLayer.sendPacket(p.bytes());
                assertTrue(wrongLayer.closedByPeer());
            }
            assertEquals(1, layer1.metrics().snapshot().linkFailures(LinkException.Kind.UNAUTHORIZED_PEER));
            assertEquals(0, layer1.metrics().snapshot().received());
        }
    }

    @Test
    void nodeRemovedFromTopology_nextLayerRefusesItsLinks() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            MixNode layer2 = net.mixes.get(1);
            net.directory.removeNode(TestNetwork.identityOf(layer1));
            assertTrue(layer2.refreshTopology());
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                link.sendPacket(packet(List.of(TestNetwork.hop(layer1, 0), TestNetwork.hop(layer2, 0)))
                        .bytes());
                await(
                        "layer 2 refused layer 1's link",
                        () -> layer2.metrics().snapshot().linkFailures(LinkException.Kind.UNAUTHORIZED_PEER),
                        1);
            }
            assertEquals(0, layer2.metrics().snapshot().received());
        }
    }

    @Test
    void schedulerFull_dropsCountedAsOverload() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, 1, "mix-1")
                    .schedulerCapacity(2)
                    .drainDeadline(Duration.ZERO)
                    .build()));
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, 2, "mix-2").build()));
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                for (int i = 0; i < 5; i++) {
                    link.sendPacket(packet(List.of(
                                    TestNetwork.hop(
                                            layer1, Duration.ofSeconds(30).toNanos()),
                                    TestNetwork.hop(net.mixes.get(1), 0)))
                            .bytes());
                }
            }
            await("scheduler overload drops", () -> layer1.metrics().snapshot().dropped(DropReason.SCHEDULER_FULL), 3);
            layer1.close();
            assertEquals(2, layer1.metrics().snapshot().dropped(DropReason.SHUTDOWN));
        }
    }

    @Test
    void close_drainsHeldPacketsBeforeTheDeadline_dropsTheRestCounted() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, 1, "mix-1")
                    .drainDeadline(Duration.ofSeconds(3))
                    .build()));
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, 2, "mix-2").build()));
            net.refreshAll();
            MixNode layer1 = net.mixes.get(0);
            MixNode layer2 = net.mixes.get(1);
            try (MixLinkTestSender link = net.gatewaySenderTo(layer1)) {
                for (int i = 0; i < 4; i++) {
                    long delay = (i < 3 ? Duration.ofMillis(300) : Duration.ofSeconds(60)).toNanos();
                    link.sendPacket(packet(List.of(TestNetwork.hop(layer1, delay), TestNetwork.hop(layer2, 0)))
                            .bytes());
                }
                await("received", () -> layer1.metrics().snapshot().received(), 4);
            }
            layer1.close();
            assertEquals(3, layer1.metrics().snapshot().sentTotal());
            assertEquals(1, layer1.metrics().snapshot().dropped(DropReason.SHUTDOWN));
            await("arrived at layer 2", () -> layer2.metrics().snapshot().received(), 3);
        }
    }

    @Test
    void gatewayRestart_inboxAndRegistrationSurvive() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNodeConfig gatewayConfig =
                    net.config(NodeMode.GATEWAY, 0, "gw").inboxCapacity(2).build();
            MixNode gateway = net.startGateway(gatewayConfig);
            net.refreshAll();
            Ed25519Identity identity;
            try (GatewayTestClient client = GatewayTestClient.registered(gateway)) {
                identity = client.identity;
                for (int i = 0; i < 3; i++) {
                    client.send(client.packetToSelf(net.route(gateway, 0), new byte[] {(byte) i}));
                }
            }
            MixNode gw = gateway;
            await("delivered", () -> gw.metrics().snapshot().delivered(), 3);
            gateway.close();
            net.gateways.clear();

            MixNode restarted = net.startGateway(gatewayConfig);
            try (GatewayTestClient client = new GatewayTestClient(restarted, identity)) {
                Authenticated auth = client.authenticate();
                assertEquals(2, auth.waiting());
                assertEquals(1, auth.droppedTotal());
                Deliver first = client.expect(Deliver.class);
                Deliver second = client.expect(Deliver.class);
                assertTrue(first.seq() < second.seq(), "oldest first");
            }
        }
    }
}
