package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurbTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void reply_throughSurbFromBytes_reachesCreatorWhoReadsIt(int hops) throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 5, 40 + hops);
        NodeAddress alice = TestNetwork.address(0xA1);
        List<RouteHop> replyRoute = net.route(hops);

        SurbPair pair = net.builder.createSurb(replyRoute, alice);
        // the SURB travels inside a message to Bob, who only sees bytes
        Surb atBob = Surb.fromBytes(SphinxParams.DEFAULT, pair.surb().toBytes());
        byte[] answer = "hi Alice, Bob here".getBytes(StandardCharsets.UTF_8);
        SphinxPacket reply = atBob.reply(answer);
        assertEquals(replyRoute.get(0).address(), reply.firstHop());
        assertEquals(SphinxParams.DEFAULT.packetSize(), reply.bytes().length);

        ProcessResult.Final delivered = net.deliver(reply);
        assertEquals(alice, delivered.destination());
        assertEquals(pair.secret().id(), delivered.identifier());
        assertArrayEquals(answer, pair.secret().open(delivered));
    }

    @Test
    void reply_payloadBitFlipped_detectedWhenOpened() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 50);
        SurbPair pair = net.builder.createSurb(net.route(3), TestNetwork.address(1));
        byte[] packet = pair.surb().reply(new byte[] {1, 2}).bytes();
        packet[SphinxSizes.PAYLOAD_OFFSET + 100] ^= 4;
        ProcessResult.Final delivered = net.deliver(new SphinxPacket(pair.surb().firstHop(), packet));
        SphinxException e =
                assertThrows(SphinxException.class, () -> pair.secret().open(delivered));
        assertEquals(SphinxException.Kind.PAYLOAD_CORRUPTED, e.kind());
    }

    @Test
    void open_otherSurbsSecret_throwsSurbMismatch() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 51);
        SurbPair one = net.builder.createSurb(net.route(3), TestNetwork.address(1));
        SurbPair two = net.builder.createSurb(net.route(3), TestNetwork.address(1));
        ProcessResult.Final delivered = net.deliver(one.surb().reply(new byte[] {1}));
        assertEquals(
                SphinxException.Kind.SURB_MISMATCH,
                assertThrows(SphinxException.class, () -> two.secret().open(delivered))
                        .kind());
        // forcing the payload through the wrong secret fails the integrity check
        assertEquals(
                SphinxException.Kind.PAYLOAD_CORRUPTED,
                assertThrows(SphinxException.class, () -> two.secret().open(delivered.body()))
                        .kind());
    }

    @Test
    void reply_usedTwice_firstHopSeesSameReplayTag() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 52);
        SurbPair pair = net.builder.createSurb(net.route(3), TestNetwork.address(1));
        SphinxProcessor first = net.processorFor(pair.surb().firstHop());
        ReplayTag a = first.process(pair.surb().reply(new byte[] {1}).bytes()).replayTag();
        ReplayTag b = first.process(pair.surb().reply(new byte[] {2}).bytes()).replayTag();
        assertEquals(a, b);
    }

    @Test
    void fromBytes_wrongLength_throwsMalformed() {
        for (int len : new int[] {0, 1, SphinxSizes.SURB - 1, SphinxSizes.SURB + 1}) {
            assertEquals(
                    SphinxException.Kind.MALFORMED,
                    assertThrows(SphinxException.class, () -> Surb.fromBytes(SphinxParams.DEFAULT, new byte[len]))
                            .kind());
        }
    }

    @Test
    void toString_surbAndSecret_revealNoKeys() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 1, 53);
        SurbPair pair = net.builder.createSurb(net.route(1), TestNetwork.address(1));
        assertTrue(pair.secret().toString().length() < 80);
        assertFalse(pair.surb()
                .toString()
                .contains(java.util.HexFormat.of()
                        .formatHex(pair.surb().toBytes(), SphinxSizes.ADDRESS + SphinxSizes.HEADER, SphinxSizes.SURB)));
        NodeKeyPair kp = net.nodes.get(0);
        assertFalse(kp.toString().contains(java.util.HexFormat.of().formatHex(kp.privateKeyBytes())));
    }
}
