package nym.mixnode.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Ack;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Challenge;
import nym.gateway.api.ChallengeResponse;
import nym.gateway.api.Deliver;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.RequestSpend;
import nym.gateway.api.Send;
import nym.link.LinkException;
import nym.link.LinkKeys;
import nym.link.testing.LeakRecorder;
import nym.mixnode.bandwidth.BandwidthMeter;
import nym.mixnode.bandwidth.BandwidthSettings;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.gateway.GatewayCounters.SessionRefusal;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.TopologyView;
import nym.mixnode.scheduler.DelayScheduler;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client listener's pipeline on EmbeddedChannels with a Noise initiator on the other side, under paranoid leak
 * detection. File work runs inline (the storage executor is the calling thread) and time is the channel's virtual
 * clock, so nothing here waits.
 */
class ClientPipelineTest {

    private static final CellSizes CELLS =
            CellSizes.forNetwork(SphinxParams.DEFAULT.packetSize(), SphinxParams.DEFAULT.payloadSize());
    private static final GatewaySettings SETTINGS = GatewaySettings.DEFAULTS.withMaxClients(2);
    private static final long TICK = SETTINGS.downlinkIntervalNanos();
    private static final long RESEND = SETTINGS.resendAfter().toNanos();

    @TempDir
    Path tmp;

    private final Ed25519Identity gateway = Ed25519Identity.generate();
    private final Ed25519Identity client = Ed25519Identity.generate();
    private final NodeMetrics metrics = new NodeMetrics();
    private final GatewayCounters counters = new GatewayCounters();
    private final AtomicLong now = new AtomicLong();
    private final List<ClientLinkPair> links = new java.util.ArrayList<>();
    private GatewayDelivery delivery;
    private ClientChannelInitializer listener;

    @BeforeEach
    void gateway() throws Exception {
        delivery = new GatewayDelivery(
                new ClientRegistry(tmp.resolve("clients"), SETTINGS.maxClients(), Clock.systemUTC()),
                new InboxStore(tmp.resolve("inboxes"), 10),
                metrics,
                counters,
                Runnable::run,
                SETTINGS,
                Clock.systemUTC(),
                now::get,
                GatewayBandwidth.unmetered(BandwidthSettings.UNMETERED));
        ClientPacketInjector injector = new ClientPacketInjector(
                SphinxParams.DEFAULT.packetSize(),
                new TopologyView(""),
                new DelayScheduler("t", 10, metrics, (p, b) -> {}),
                BandwidthMeter.UNMETERED,
                metrics);
        listener = new ClientChannelInitializer(
                delivery, injector, gateway.publicKey(), LinkKeys.fromEd25519Seed(gateway.secretKey()), CELLS);
    }

    @AfterEach
    void noLeaks() throws InterruptedException {
        links.forEach(ClientLinkPair::close);
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    private ClientLinkPair link(Ed25519Identity identity) {
        ClientLinkPair link = new ClientLinkPair(listener, CELLS, identity, gateway.publicKey());
        links.add(link);
        return link;
    }

    private GatewayMessage only(ClientLinkPair link) {
        List<GatewayMessage> got = link.messages();
        assertEquals(1, got.size(), got.toString());
        return got.get(0);
    }

    private void register(ClientLinkPair link, Ed25519Identity identity) {
        link.send(new Register(identity.publicKey()));
        Challenge challenge = assertInstanceOf(Challenge.class, only(link));
        link.send(ChallengeResponse.sign(identity, challenge.challenge(), link.handshakeHash, gateway.publicKey()));
        assertInstanceOf(Registered.class, only(link));
    }

    /** A registered client's session on a new link, past the first tick (which carries Authenticated). */
    private ClientLinkPair session() {
        register(link(client), client);
        ClientLinkPair link = link(client);
        link.send(new Authenticate(client.publicKey()));
        assertInstanceOf(Authenticated.class, only(link));
        return link;
    }

    private static Delivered message(int i) {
        return new Delivered(new byte[16], new byte[] {(byte) i});
    }

    private void assertClosedWith(ClientLinkPair link, ErrorMessage.Code code) {
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, only(link));
        assertEquals(code, error.code());
        assertFalse(link.gateway.isActive());
    }

    @Test
    void register_challengeResponse_registersThenAuthenticateOpensTheSession() {
        ClientLinkPair link = link(client);
        register(link, client);
        assertTrue(delivery.registry().isRegistered(client.publicKey()));
        link.send(new Authenticate(client.publicKey()));
        Authenticated opened = assertInstanceOf(Authenticated.class, only(link));
        assertEquals(0, opened.waiting());
        assertEquals(Authenticated.UNMETERED, opened.bandwidth(), "an unmetered gateway says so");
    }

    @Test
    void register_responseReplayedOnAnotherLink_doesNothingAndIsCounted() {
        ClientLinkPair first = link(client);
        first.send(new Register(client.publicKey()));
        Challenge challenge = assertInstanceOf(Challenge.class, only(first));
        ChallengeResponse recorded =
                ChallengeResponse.sign(client, challenge.challenge(), first.handshakeHash, gateway.publicKey());

        ClientLinkPair second = link(client);
        second.send(new Register(client.publicKey()));
        assertInstanceOf(Challenge.class, only(second));
        second.send(recorded);
        assertClosedWith(second, ErrorMessage.Code.BAD_SIGNATURE);

        ClientLinkPair third = link(client);
        third.send(recorded); // without a Register on this link
        assertClosedWith(third, ErrorMessage.Code.BAD_SIGNATURE);

        assertFalse(delivery.registry().isRegistered(client.publicKey()));
        assertEquals(2, counters.refusals(SessionRefusal.BAD_REGISTRATION));
        assertTrue(first.gateway.isActive(), "only the refused links close");
    }

    @Test
    void registerOrAuthenticate_idOfAnotherKey_closesAndCountsWrongStaticKey() {
        Ed25519Identity victim = Ed25519Identity.generate();
        register(link(victim), victim);
        assertClosedWith(sendOn(link(client), new Register(victim.publicKey())), ErrorMessage.Code.KEY_MISMATCH);
        assertClosedWith(sendOn(link(client), new Authenticate(victim.publicKey())), ErrorMessage.Code.KEY_MISMATCH);
        assertEquals(2, counters.refusals(SessionRefusal.WRONG_STATIC_KEY));
    }

    private static ClientLinkPair sendOn(ClientLinkPair link, GatewayMessage m) {
        link.send(m);
        return link;
    }

    @Test
    void authenticate_unregistered_closesWithNotRegistered() {
        assertClosedWith(sendOn(link(client), new Authenticate(client.publicKey())), ErrorMessage.Code.NOT_REGISTERED);
        assertEquals(1, counters.refusals(SessionRefusal.NOT_REGISTERED));
    }

    @Test
    void register_registryFull_closesAndCounts() {
        for (int i = 0; i < SETTINGS.maxClients(); i++) {
            Ed25519Identity other = Ed25519Identity.generate();
            register(link(other), other);
        }
        ClientLinkPair link = link(client);
        link.send(new Register(client.publicKey()));
        Challenge challenge = assertInstanceOf(Challenge.class, only(link));
        link.send(ChallengeResponse.sign(client, challenge.challenge(), link.handshakeHash, gateway.publicKey()));
        assertClosedWith(link, ErrorMessage.Code.REGISTRATIONS_FULL);
        assertEquals(1, counters.refusals(SessionRefusal.REGISTRATIONS_FULL));
        assertFalse(delivery.registry().isRegistered(client.publicKey()));
    }

    @Test
    void send_beforeSession_answersNotAuthenticatedAndStaysOpen() {
        ClientLinkPair link = link(client);
        link.send(new Send(new byte[32], new byte[SphinxParams.DEFAULT.packetSize()]));
        assertEquals(
                ErrorMessage.Code.NOT_AUTHENTICATED,
                assertInstanceOf(ErrorMessage.class, only(link)).code());
        assertTrue(link.gateway.isActive());
    }

    @Test
    void downlink_everyTick_oneCellOfOneLengthWhetherMessageOrDummy() throws Exception {
        ClientLinkPair link = session();
        Inbox inbox = delivery.inbox(client.publicKey());
        inbox.append(message(1));
        for (int i = 0; i < 5; i++) {
            link.advance(TICK);
        }
        inbox.append(message(2));
        for (int i = 0; i < 5; i++) {
            link.advance(TICK);
        }
        List<List<GatewayMessage>> cells = link.received();
        assertEquals(10, cells.size(), "one cell per tick");
        assertEquals(2, cells.stream().filter(c -> !c.isEmpty()).count());
        assertEquals(8, cells.stream().filter(List::isEmpty).count(), "dummies fill the other ticks");
        // every frame after handshake message 2: one length (cell + Noise tag)
        List<Integer> frames = link.downlinkFrameLengths;
        assertTrue(frames.size() >= 11);
        assertTrue(
                frames.subList(1, frames.size()).stream().allMatch(n -> n == CELLS.downlink() + 16), frames.toString());
    }

    @Test
    void deliver_notAcknowledged_sentAgainAfterTimeoutOnlyThenAndNeverAfterAck() throws Exception {
        ClientLinkPair link = session();
        Inbox inbox = delivery.inbox(client.publicKey());
        long seq = inbox.append(message(7));
        link.advance(TICK); // a dummy; meanwhile the storage executor reads the message
        link.advance(TICK);
        Deliver first = assertInstanceOf(Deliver.class, only(link));
        assertEquals(seq, first.seq());
        assertArrayEquals(message(7).toBytes(), first.message().toBytes());

        for (int i = 0; i < 5; i++) {
            now.addAndGet(TICK);
            link.advance(TICK);
        }
        assertEquals(List.of(), link.messages(), "one copy in flight until the timeout");

        now.addAndGet(RESEND);
        link.advance(TICK);
        link.advance(TICK);
        assertEquals(seq, assertInstanceOf(Deliver.class, only(link)).seq(), "sent again, once");

        link.send(new Ack(new long[] {seq}));
        assertEquals(0, inbox.size());
        now.addAndGet(2 * RESEND);
        link.advance(TICK);
        link.advance(TICK);
        assertEquals(List.of(), link.messages(), "acknowledged: never again");
    }

    @Test
    void newSession_sameClient_closesTheOldAndResendsAtOnce() throws Exception {
        ClientLinkPair old = session();
        delivery.inbox(client.publicKey()).append(message(1));
        old.advance(TICK);
        old.advance(TICK);
        assertInstanceOf(Deliver.class, only(old));

        ClientLinkPair next = link(client);
        next.send(new Authenticate(client.publicKey()));
        old.flush(); // the old link closes on its own event loop
        assertFalse(old.gateway.isActive(), "one session per client");
        List<GatewayMessage> got = next.messages();
        assertInstanceOf(Authenticated.class, got.get(0));
        next.advance(TICK);
        next.advance(TICK);
        got = new java.util.ArrayList<>(got.subList(1, got.size()));
        got.addAll(next.messages());
        assertEquals(1, got.stream().filter(m -> m instanceof Deliver).count(), got.toString());
    }

    @Test
    void requestSpend_unmeteredGateway_unexpectedMessageAndStaysOpen() {
        ClientLinkPair link = session();
        link.send(new RequestSpend());
        link.advance(TICK);
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, only(link));
        assertEquals(ErrorMessage.Code.UNEXPECTED_MESSAGE, error.code());
        assertTrue(link.gateway.isActive());
    }

    @Test
    void malformedCell_closesAndCounts() {
        ClientLinkPair link = link(client);
        byte[] cell = new byte[CELLS.uplink()];
        cell[0] = GatewayMessage.VERSION;
        cell[cell.length - 1] = 1; // padding not zero
        link.client.writeOutbound(cell);
        link.flush();
        assertClosedWith(link, ErrorMessage.Code.MALFORMED);
        assertEquals(1, counters.refusals(SessionRefusal.MALFORMED_CELL));
    }

    @Test
    void garbledHandshake_closesOnlyThatConnectionAndCounts() {
        ClientLinkPair good = link(client);
        ClientLinkPair garbled = new ClientLinkPair(
                listener, CELLS, client, Ed25519Identity.generate().publicKey());
        links.add(garbled);
        assertFalse(garbled.gateway.isActive());
        assertEquals(1, counters.linkFailures(LinkException.Kind.GARBLED_HANDSHAKE));
        assertTrue(good.gateway.isActive());
    }

    @Test
    void oversizedFrame_closesAndCountsBadFrameLength() {
        ClientLinkPair link = link(client);
        int length = CELLS.uplink() + 17;
        link.sendRaw(Unpooled.buffer(2 + length).writeShort(length).writeZero(length));
        assertFalse(link.gateway.isActive());
        assertEquals(1, counters.linkFailures(LinkException.Kind.BAD_FRAME_LENGTH));
    }
}
