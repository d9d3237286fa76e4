package nym.client.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nym.client.keys.ClientKeys;
import nym.client.replies.BoundedStore;
import nym.client.topology.GatewayNode;
import nym.client.topology.MixNode;
import nym.client.topology.MixTopology;
import nym.client.topology.Mixing;
import nym.client.topology.RouteSelector;
import nym.client.traffic.Envelope;
import nym.client.traffic.PacketFactory;
import nym.gateway.api.Delivered;
import nym.mixnode.gateway.ClientRegistry;
import nym.mixnode.gateway.GatewayDelivery;
import nym.mixnode.gateway.InboxStore;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.testing.InlineDelivery;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.ProcessResult;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;
import nym.sphinx.Surb;
import nym.sphinx.SurbId;
import nym.sphinx.SurbPair;
import nym.sphinx.SurbSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packets of the client's {@link PacketFactory} through real Sphinx processing and the real gateway store, then the
 * client's {@link DeliveryOpener}: what the gateway stores is the same for loops, messages and replies; only the
 * recipient tells them apart.
 */
class ReceivePathTest {

    @TempDir
    Path tmp;

    private final SecureRandom random = new SecureRandom();
    private final SphinxParams params = SphinxParams.DEFAULT;
    private final Map<NodeAddress, SphinxProcessor> nodes = new HashMap<>();
    private final ClientKeys bob = ClientKeys.generate(random);
    private final NodeAddress bobAddress = NodeAddress.of(bob.identity().publicKey());
    private final BoundedStore<SurbId, SurbSecret> bobSurbs = new BoundedStore<>(10);
    private final DeliveryOpener opener = new DeliveryOpener(params, bob.encryption(), bobSurbs);
    private final PacketFactory packets = new PacketFactory(params, new RouteSelector(random), random);
    private MixTopology topology;
    private GatewayNode gateway;
    private GatewayDelivery delivery;
    private InboxStore inboxes;

    private NodeKeyPair node() {
        NodeKeyPair kp = NodeKeyPair.generate(random);
        nodes.put(kp.address(), new SphinxProcessor(params, kp));
        return kp;
    }

    @BeforeEach
    void network() throws Exception {
        List<List<MixNode>> layers = List.of(
                List.of(new MixNode("m1", node().publicKey(), 1, "h")),
                List.of(new MixNode("m2", node().publicKey(), 2, "h")),
                List.of(new MixNode("m3", node().publicKey(), 3, "h")));
        gateway = new GatewayNode("gw", node().publicKey(), "c", "m");
        topology = new MixTopology(
                1, 0, Long.MAX_VALUE, new Mixing(Duration.ofMillis(1), 1, 1, 1), layers, List.of(gateway), 0);
        ClientRegistry registry = new ClientRegistry(tmp.resolve("clients"), 10, java.time.Clock.systemUTC());
        registry.register(bob.identity().publicKey());
        inboxes = new InboxStore(tmp.resolve("inboxes"), 100);
        delivery = InlineDelivery.of(registry, inboxes, new NodeMetrics());
    }

    /** Through the mixes and the gateway: what the gateway stored for Bob. */
    private Delivered storedAtGateway(SphinxPacket packet) throws SphinxException {
        NodeAddress at = packet.firstHop();
        byte[] bytes = packet.bytes();
        while (true) {
            ProcessResult r = nodes.get(at).process(bytes);
            if (r instanceof ProcessResult.Final f) {
                delivery.deliver(f);
                // each call stores one: the oldest not handed out yet is this one
                return inboxes.of(bob.identity().publicKey())
                        .nextToSend(0, Long.MAX_VALUE)
                        .message();
            }
            ProcessResult.Forward fw = (ProcessResult.Forward) r;
            at = fw.nextHop();
            bytes = fw.packet();
        }
    }

    private Delivered loop(long id) throws SphinxException {
        return storedAtGateway(
                packets.loop(topology, gateway, bobAddress, bob.encryption().publicKey(), id)
                        .packet());
    }

    private Delivered message(Envelope envelope) throws SphinxException {
        return storedAtGateway(
                packets.message(topology, gateway, bobAddress, bob.encryption().publicKey(), envelope)
                        .packet());
    }

    private Delivered reply(byte[] answer) throws SphinxException {
        SurbPair pair = packets.surb(topology, gateway, bobAddress);
        bobSurbs.put(pair.secret().id(), pair.secret());
        Surb atReplier = Surb.fromBytes(params, pair.surb().toBytes());
        return storedAtGateway(atReplier.reply(Envelope.encode(new Envelope.Plain(answer))));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return HexFormat.of().formatHex(haystack).contains(HexFormat.of().formatHex(needle));
    }

    @Test
    void gatewayStore_loopMessageAndReply_sameLengthAndNoMarkerInClear() throws Exception {
        byte[] text = "a real message".getBytes(StandardCharsets.US_ASCII);
        Delivered loop = loop(0x0102030405060708L);
        Delivered real = message(new Envelope.Plain(text));
        Delivered reply = reply(text);

        assertEquals(params.payloadSize(), loop.body().length);
        assertEquals(loop.toBytes().length, real.toBytes().length);
        assertEquals(loop.toBytes().length, reply.toBytes().length);
        for (Delivered d : List.of(loop, real, reply)) {
            byte[] stored = d.toBytes();
            assertFalse(contains(stored, text), "message text in clear");
            assertFalse(contains(stored, new byte[] {Envelope.LOOP, 1, 2, 3, 4, 5, 6, 7, 8}), "loop marker in clear");
            assertFalse(Arrays.equals(new byte[16], Arrays.copyOf(d.body(), 16)), "a zero prefix in clear");
        }
    }

    @Test
    void open_loopMessageAndReply_toldApartOnlyByTheRecipient() throws Exception {
        DeliveryOpener.Opened loop = opener.open(loop(42));
        assertFalse(loop.reply());
        assertEquals(new Envelope.Loop(42), loop.envelope());

        DeliveryOpener.Opened real = opener.open(message(new Envelope.Plain(new byte[] {5})));
        assertFalse(real.reply());
        assertArrayEquals(
                new byte[] {5},
                assertInstanceOf(Envelope.Plain.class, real.envelope()).message());

        DeliveryOpener.Opened answer = opener.open(reply(new byte[] {6}));
        assertTrue(answer.reply());
        assertArrayEquals(
                new byte[] {6},
                assertInstanceOf(Envelope.Plain.class, answer.envelope()).message());
    }

    @Test
    void open_changedBodyOrOtherRecipientsKey_throwsSphinxException() throws Exception {
        Delivered real = message(new Envelope.Plain(new byte[] {5}));
        byte[] changed = real.body();
        changed[500] ^= 1;
        assertEquals(
                SphinxException.Kind.SEAL_OPEN_FAILED,
                assertThrows(SphinxException.class, () -> opener.open(new Delivered(real.identifier(), changed)))
                        .kind());

        ClientKeys carol = ClientKeys.generate(random);
        Delivered forCarol = storedAtGateway(packets.message(
                        topology, gateway, bobAddress, carol.encryption().publicKey(), new Envelope.Plain(new byte[1]))
                .packet());
        assertEquals(
                SphinxException.Kind.SEAL_OPEN_FAILED,
                assertThrows(SphinxException.class, () -> opener.open(forCarol)).kind());

        Delivered reply = reply(new byte[] {6});
        byte[] changedReply = reply.body();
        changedReply[100] ^= 1;
        assertEquals(
                SphinxException.Kind.PAYLOAD_CORRUPTED,
                assertThrows(SphinxException.class, () -> opener.open(new Delivered(reply.identifier(), changedReply)))
                        .kind());
    }
}
