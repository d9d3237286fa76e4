package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HelpersTest {

    @Test
    void padUnpad_allLengthsUpToMax_roundTrip() throws Exception {
        int body = 64;
        for (int len = 0; len <= Payloads.maxMessageSize(body); len++) {
            byte[] m = new byte[len];
            java.util.Arrays.fill(m, (byte) 0); // all-zero messages are the hard case
            byte[] padded = Payloads.pad(m, body);
            assertEquals(body, padded.length);
            assertArrayEquals(m, Payloads.unpad(padded));
        }
    }

    @Test
    void pad_messageTooLong_throwsMessageTooLongWithClearMessage() {
        SphinxException e = assertThrows(SphinxException.class, () -> Payloads.pad(new byte[64], 64));
        assertEquals(SphinxException.Kind.MESSAGE_TOO_LONG, e.kind());
        assertTrue(e.getMessage().contains("64 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("63 bytes"), e.getMessage());
    }

    @Test
    void unpad_noMarker_throwsPayloadCorrupted() {
        assertEquals(
                SphinxException.Kind.PAYLOAD_CORRUPTED,
                assertThrows(SphinxException.class, () -> Payloads.unpad(new byte[32]))
                        .kind());
        assertEquals(
                SphinxException.Kind.PAYLOAD_CORRUPTED,
                assertThrows(SphinxException.class, () -> Payloads.unpad(new byte[] {1, 2, 0}))
                        .kind());
    }

    @Test
    void exponentialDelay_manyDraws_meanAndSpreadMatch() {
        SplittableRandom r = new SplittableRandom(70);
        Duration mean = Duration.ofMillis(50);
        int n = 200_000;
        double sum = 0;
        int aboveMean = 0;
        for (int i = 0; i < n; i++) {
            long d = Routes.exponentialDelayNanos(mean, r);
            assertTrue(d >= 0);
            sum += d;
            if (d > mean.toNanos()) {
                aboveMean++;
            }
        }
        assertEquals(mean.toNanos(), sum / n, mean.toNanos() * 0.02);
        assertEquals(Math.exp(-1), aboveMean / (double) n, 0.01); // P(X > mean) = 1/e
        assertEquals(0, Routes.exponentialDelayNanos(Duration.ZERO, r));
    }

    @Test
    void layered_threeLayers_oneNodePerLayerInOrder() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 6, 71);
        List<List<NodePublicKey>> layers = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            layers.add(List.of(
                    net.nodes.get(2 * l).publicKey(), net.nodes.get(2 * l + 1).publicKey()));
        }
        SplittableRandom r = new SplittableRandom(72);
        for (int i = 0; i < 50; i++) {
            List<RouteHop> route = Routes.layered(layers, Duration.ofMillis(10), r);
            assertEquals(3, route.size());
            for (int l = 0; l < 3; l++) {
                assertTrue(layers.get(l).contains(route.get(l).node()));
            }
            SphinxPacket p = net.builder.build(route, Destination.of(TestNetwork.address(3)), new byte[] {9});
            assertArrayEquals(new byte[] {9}, net.deliverMessage(p));
        }
        assertEquals(
                SphinxException.Kind.INVALID_ROUTE,
                assertThrows(SphinxException.class, () -> Routes.layered(List.of(List.of()), Duration.ZERO, r))
                        .kind());
        assertEquals(
                SphinxException.Kind.INVALID_ROUTE,
                assertThrows(SphinxException.class, () -> Routes.layered(List.of(), Duration.ZERO, r))
                        .kind());
    }

    @Test
    void nodeKeyPair_fromStoredPrivateKey_sameAddress() {
        NodeKeyPair kp = NodeKeyPair.generate(TestNetwork.seeded(75));
        NodeKeyPair again = NodeKeyPair.fromPrivateKey(kp.privateKeyBytes());
        assertEquals(kp.publicKey(), again.publicKey());
        assertEquals(kp.address(), again.address());
        assertEquals(NodeAddress.derive(kp.publicKey().toBytes()), kp.address());
    }
}
