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
import java.util.Set;
import java.util.function.LongSupplier;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
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

/**
 * Real nodes on free ports: what a node drops and why, how it follows the epoch documents (its layer, links, the
 * switch at an epoch's start, the leave notice), shutdown drain, inboxes across a gateway restart.
 */
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
            net.nextEpoch();
            MixNode layer1 = net.inLayer(1);
            RouteHop stranger = new RouteHop(
                    NodePublicKey.of(
                            NodeKeyPair.generate(new SecureRandom()).publicKey().toBytes()),
                    0);
            SphinxPacket toStranger = packet(List.of(net.hop(layer1, 0), stranger));
            SphinxPacket skippingLayer2 = packet(List.of(net.hop(layer1, 0), net.hop(net.inLayer(3), 0)));
            try (MixLinkTestSender link = net.senderTo(layer1)) {
                link.sendPacket(toStranger.bytes());
                link.sendPacket(skippingLayer2.bytes());
            }
            await("unknown next hop drops", () -> layer1.metrics().snapshot().dropped(DropReason.UNKNOWN_NEXT_HOP), 2);
            assertEquals(0, layer1.metrics().snapshot().sentTotal());
        }
    }

    @Test
    void nextHopAbsentFromTheNextEpochsDocument_packetsUnderThatEpochDroppedAsUnknownNextHop() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            EpochDocument first = net.nextEpoch();
            MixNode layer1 = net.inLayer(1);
            MixNode layer2 = net.inLayer(2);
            try (MixLinkTestSender link = net.senderTo(layer1)) {
                link.sendPacket(
                        packet(List.of(net.hop(layer1, 0), net.hop(layer2, 0))).bytes());
                await(
                        "forwarded while listed",
                        () -> layer1.metrics().snapshot().sentTotal(),
                        1);
            }
            net.directory.removeNode(TestNetwork.identityOf(layer2));
            EpochDocument second = net.nextEpoch();
            assertTrue(layer2.topology().layerIn(second.epoch()).isEmpty(), "not listed, so no layer");
            // the key layer 2 announced for the second epoch, as the first document published it
            RouteHop layer2Next = new RouteHop(
                    NodePublicKey.of(
                            Keys.decode(first.mixnodes().get(1).nodes().get(0).nextSphinxKey(), 32, "sphinx key")),
                    0);
            MixNode newLayer1 = net.inLayer(1);
            try (MixLinkTestSender link = net.senderTo(newLayer1)) {
                link.sendPacket(
                        packet(List.of(net.hop(newLayer1, 0), layer2Next)).bytes());
                await(
                        "dropped under the second epoch",
                        () -> newLayer1.metrics().snapshot().dropped(DropReason.UNKNOWN_NEXT_HOP),
                        1);
            }
            assertEquals(1, layer2.metrics().snapshot().received());
        }
    }

    @Test
    void layerIn_followsEachEpochsDocument() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            for (int i = 0; i < 3; i++) {
                EpochDocument document = net.nextEpoch();
                for (EpochDocument.Layer layer : document.mixnodes()) {
                    MixNode node = net.inLayer(layer.layer());
                    assertEquals(
                            layer.layer(),
                            node.topology().layerIn(document.epoch()).orElseThrow());
                }
            }
        }
    }

    @Test
    void close_postsASignedLeaveNotice() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode node = net.mixes.get(0);
            node.close();
            assertEquals(List.of(TestNetwork.identityOf(node)), net.directory.leaves());
        }
    }

    @Test
    void epochSwitch_atTheNextDocumentsStart_announcesTheNextKeysWithoutWaitingForARefresh() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode node = MixNode.start(net.config(NodeMode.MIX, "mix")
                    .topologyRefresh(Duration.ofHours(1))
                    .presenceInterval(Duration.ofHours(1))
                    .build());
            net.mixes.add(node);
            long epoch = net.directory.currentDocument().epoch();
            assertEquals(
                    Set.of(epoch, epoch + 1, epoch + 2), net.directory.announcedEpochs(TestNetwork.identityOf(node)));
            net.directory.publishNextEpoch(Duration.ofMillis(300));
            node.refreshTopology();
            await(
                    "keys announced from the next epoch on",
                    () -> net.directory
                                    .announcedEpochs(TestNetwork.identityOf(node))
                                    .contains(epoch + 3)
                            ? 1
                            : 0,
                    1);
        }
    }

    @Test
    void replayedPacket_droppedOnceForwardedOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.nextEpoch();
            MixNode layer1 = net.inLayer(1);
            SphinxPacket p = packet(List.of(net.hop(layer1, 0), net.hop(net.inLayer(2), 0)));
            try (MixLinkTestSender link = net.senderTo(layer1)) {
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
                    net.config(NodeMode.MIX, "mix-1").metricsPort(0).build()));
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, "mix-2").build()));
            MixNode layer1 = net.epochPutting(net.mixes.get(0), 1);
            assertNull(net.mixes.get(1).metricsAddress(), "off unless configured");
            SphinxPacket p = packet(List.of(net.hop(layer1, 0), net.hop(net.mixes.get(1), 0)));
            try (MixLinkTestSender link = net.senderTo(layer1)) {
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
                    net.config(NodeMode.GATEWAY, "gw").metricsPort(0).build());
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
            net.nextEpoch();
            MixNode layer1 = net.inLayer(1);
            SphinxPacket p = packet(List.of(net.hop(layer1, 0), net.hop(net.inLayer(2), 0)));
            try (MixLinkTestSender good = net.senderTo(layer1);
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
            net.nextEpoch();
            MixNode layer1 = net.inLayer(1);
            MixNode layer2 = net.inLayer(2);
            SphinxPacket p = packet(List.of(net.hop(layer1, 0), net.hop(layer2, 0)));
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
    void nodeAbsentFromEveryHeldDocument_otherNodesRefuseItsLinks() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            net.nextEpoch();
            MixNode removed = net.inLayer(1);
            net.directory.removeNode(TestNetwork.identityOf(removed));
            net.nextEpoch();
            net.nextEpoch(); // the epoch that still listed it is no longer held
            for (MixNode other : net.mixes) {
                if (other == removed) {
                    continue;
                }
                try (MixLinkTestSender link =
                        new MixLinkTestSender(other, removed.config().keys())) {
                    assertTrue(link.closedByPeer());
                }
                assertEquals(1, other.metrics().snapshot().linkFailures(LinkException.Kind.UNAUTHORIZED_PEER));
            }
        }
    }

    @Test
    void schedulerFull_dropsCountedAsOverload() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, "mix-1")
                    .schedulerCapacity(2)
                    .drainDeadline(Duration.ZERO)
                    .build()));
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, "mix-2").build()));
            MixNode layer1 = net.epochPutting(net.mixes.get(0), 1);
            try (MixLinkTestSender link = net.senderTo(layer1)) {
                for (int i = 0; i < 5; i++) {
                    link.sendPacket(packet(List.of(
                                    net.hop(layer1, Duration.ofSeconds(30).toNanos()), net.hop(net.mixes.get(1), 0)))
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
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, "mix-1")
                    .drainDeadline(Duration.ofSeconds(3))
                    .build()));
            net.mixes.add(MixNode.start(net.config(NodeMode.MIX, "mix-2").build()));
            MixNode layer1 = net.epochPutting(net.mixes.get(0), 1);
            MixNode layer2 = net.mixes.get(1);
            try (MixLinkTestSender link = net.senderTo(layer1)) {
                for (int i = 0; i < 4; i++) {
                    long delay = (i < 3 ? Duration.ofMillis(300) : Duration.ofSeconds(60)).toNanos();
                    link.sendPacket(packet(List.of(net.hop(layer1, delay), net.hop(layer2, 0)))
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
                    net.config(NodeMode.GATEWAY, "gw").inboxCapacity(2).build();
            MixNode gateway = net.startGateway(gatewayConfig);
            net.nextEpoch();
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
