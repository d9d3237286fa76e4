package nym.mixnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.Fetch;
import nym.gateway.api.Messages;
import nym.gateway.api.Push;
import nym.gateway.api.Send;
import nym.mixnode.config.NodeMode;
import nym.mixnode.metrics.DropReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real nodes (layers 1, 2, 3 and a gateway) around an in-process directory. */
class ForwardingTest {

    @TempDir
    Path tmp;

    private static MixNode gateway(TestNetwork net) throws Exception {
        MixNode gateway = net.startGateway(net.config(NodeMode.GATEWAY, 0, "gw").build());
        net.refreshAll();
        return gateway;
    }

    @Test
    void packet_throughThreeLayers_arrivesInGatewayInboxAndIsFetched() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway, false)) {
                byte[] message = "through three layers".getBytes(StandardCharsets.UTF_8);
                client.send(client.packetToSelf(net.route(gateway, 1_000_000), message));

                Messages got = fetchUntilNotEmpty(client);
                assertEquals(1, got.messages().size());
                assertArrayEquals(
                        message, GatewayTestClient.message(got.messages().get(0)));
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
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway, true)) {
                for (int i = 0; i < 3; i++) {
                    client.send(client.packetToSelf(net.route(gateway, 0), new byte[] {(byte) i}));
                }
                int seen = 0;
                for (int i = 0; i < 3; i++) {
                    Push push = assertInstanceOf(Push.class, client.read());
                    seen |= 1 << GatewayTestClient.message(push.message())[0];
                }
                assertEquals(0b111, seen);
            }
        }
    }

    @Test
    void send_toNodeThatIsNotLayerOne_refusedWithUnknownFirstHop() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway, false)) {
                Send skippingLayer1 = client.packetToSelf(net.route(gateway, 0).subList(1, 4), new byte[] {1});
                ErrorMessage error = assertInstanceOf(ErrorMessage.class, client.call(skippingLayer1));
                assertEquals(ErrorMessage.Code.UNKNOWN_FIRST_HOP, error.code());
            }
        }
    }

    @Test
    void replayedPacket_droppedAndReportedInSignedMetrics() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp).startMixes()) {
            MixNode gateway = gateway(net);
            try (GatewayTestClient client = GatewayTestClient.registered(gateway, false)) {
                Send packet = client.packetToSelf(net.route(gateway, 0), new byte[] {1});
                client.send(packet);
                client.send(packet);
                assertEquals(1, fetchUntilNotEmpty(client).messages().size());
            }
            String layer1 = TestNetwork.identityOf(net.mixes.get(0));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline
                    && net.directory.metricsBodiesText().stream()
                            .noneMatch(b -> b.contains(layer1) && b.contains("\"replay\":1"))) {
                Thread.sleep(50);
            }
            assertEquals(1, net.mixes.get(0).metrics().snapshot().dropped(DropReason.REPLAY));
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
