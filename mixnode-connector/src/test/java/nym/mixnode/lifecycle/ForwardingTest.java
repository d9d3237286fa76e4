package nym.mixnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import nym.mixnode.config.NodeMode;
import nym.mixnode.gateway.protocol.Authenticated;
import nym.mixnode.gateway.protocol.ErrorMessage;
import nym.mixnode.gateway.protocol.Fetch;
import nym.mixnode.gateway.protocol.Messages;
import nym.mixnode.gateway.protocol.Push;
import nym.mixnode.gateway.protocol.Send;
import nym.mixnode.metrics.DropReason;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardingTest {

    @TempDir
    Path tmp;

    @Test
    void packet_throughThreeLayers_arrivesInGatewayInboxAndIsFetched() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway =
                    net.startGateway(net.config(NodeMode.GATEWAY, 0, "gw").build());
            net.refreshAll();
            byte[] gatewayKey = gateway.config().keys().identity().publicKey();
            try (GatewayTestClient client = new GatewayTestClient(gateway.clientAddress())) {
                byte[] token = client.register(gatewayKey);
                Authenticated auth = client.authenticate(token, false);
                assertEquals(0, auth.waiting());

                byte[] message = "through three layers".getBytes(StandardCharsets.UTF_8);
                PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom());
                SphinxPacket packet = builder.build(
                        net.route(gateway, 1_000_000),
                        Destination.of(NodeAddress.of(client.identity.publicKey())),
                        message);
                client.send(new Send(packet.firstHop().toBytes(), packet.bytes()));

                Messages got = fetchUntilNotEmpty(client);
                assertEquals(1, got.messages().size());
                assertArrayEquals(message, got.messages().get(0).payload());
                for (MixNode mix : net.mixes) {
                    assertEquals(1, mix.metrics().snapshot().received());
                    assertEquals(1, mix.metrics().snapshot().sentTotal());
                }
                assertEquals(1, gateway.metrics().snapshot().delivered());
                assertEquals(
                        0, ((Messages) client.call(new Fetch(10))).messages().size());
            }
        }
    }

    @Test
    void pushSession_receivesMessagesAsTheyArrive() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway =
                    net.startGateway(net.config(NodeMode.GATEWAY, 0, "gw").build());
            net.refreshAll();
            try (GatewayTestClient client = new GatewayTestClient(gateway.clientAddress())) {
                byte[] token =
                        client.register(gateway.config().keys().identity().publicKey());
                client.authenticate(token, true);
                PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom());
                for (int i = 0; i < 3; i++) {
                    SphinxPacket packet = builder.build(
                            net.route(gateway, 0),
                            Destination.of(NodeAddress.of(client.identity.publicKey())),
                            new byte[] {(byte) i});
                    client.send(new Send(packet.firstHop().toBytes(), packet.bytes()));
                }
                int seen = 0;
                for (int i = 0; i < 3; i++) {
                    Push push = assertInstanceOf(Push.class, client.read());
                    seen |= 1 << push.message().payload()[0];
                }
                assertEquals(0b111, seen);
            }
        }
    }

    @Test
    void send_toNodeThatIsNotLayerOne_refusedWithUnknownFirstHop() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway =
                    net.startGateway(net.config(NodeMode.GATEWAY, 0, "gw").build());
            net.refreshAll();
            try (GatewayTestClient client = new GatewayTestClient(gateway.clientAddress())) {
                client.authenticate(
                        client.register(gateway.config().keys().identity().publicKey()), false);
                PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom());
                List<nym.sphinx.RouteHop> route = net.route(gateway, 0).subList(1, 4);
                SphinxPacket packet = builder.build(
                        route, Destination.of(NodeAddress.of(client.identity.publicKey())), new byte[] {1});
                ErrorMessage error = assertInstanceOf(
                        ErrorMessage.class,
                        client.call(new Send(packet.firstHop().toBytes(), packet.bytes())));
                assertEquals(ErrorMessage.Code.UNKNOWN_FIRST_HOP, error.code());
            }
        }
    }

    @Test
    void metrics_reportedToDirectoryWithDropsByReason() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway =
                    net.startGateway(net.config(NodeMode.GATEWAY, 0, "gw").build());
            net.refreshAll();
            try (GatewayTestClient client = new GatewayTestClient(gateway.clientAddress())) {
                client.authenticate(
                        client.register(gateway.config().keys().identity().publicKey()), false);
                SphinxPacket packet = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom())
                        .build(
                                net.route(gateway, 0),
                                Destination.of(NodeAddress.of(client.identity.publicKey())),
                                new byte[] {1});
                client.send(new Send(packet.firstHop().toBytes(), packet.bytes()));
                client.send(new Send(packet.firstHop().toBytes(), packet.bytes()));
                fetchUntilNotEmpty(client);
            }
            String layer1 = TestNetwork.identityOf(net.mixes.get(0));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline
                    && net.directory.metricsBodiesText().stream()
                            .noneMatch(b -> b.contains(layer1) && b.contains("\"replay\":1"))) {
                Thread.sleep(50);
            }
            assertEquals(1, net.mixes.get(0).metrics().snapshot().dropped(DropReason.REPLAY));
            long received = net.directory.metrics().stream()
                    .filter(r -> r.identityKey().equals(layer1))
                    .mapToLong(r -> r.received())
                    .sum();
            assertEquals(2, received);
            assertTrue(net.directory.metricsBodiesText().stream()
                    .anyMatch(b -> b.contains(layer1) && b.contains("\"replay\":1")));
        }
    }

    static Messages fetchUntilNotEmpty(GatewayTestClient client) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Messages got = (Messages) client.call(new Fetch(10));
            if (!got.messages().isEmpty() || System.nanoTime() > deadline) {
                return got;
            }
            Thread.sleep(20);
        }
    }
}
