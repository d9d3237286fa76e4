package nym.mixnode.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Bandwidth;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Challenge;
import nym.gateway.api.ChallengeResponse;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.RequestSpend;
import nym.gateway.api.Send;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import nym.link.LinkKeys;
import nym.link.testing.LeakRecorder;
import nym.mixnode.bandwidth.BandwidthSettings;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.bandwidth.GatewayFixture;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.TopologyView;
import nym.mixnode.scheduler.DelayScheduler;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.ProcessResult;
import nym.sphinx.SphinxParams;
import nym.sphinx.SurbId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metered gateway's client pipeline on EmbeddedChannels (as {@link ClientPipelineTest}), with real credentials, a
 * scripted ledger and spends decided inline: paying, charging every Send and every delivery, running out, topping up.
 */
class BandwidthPipelineTest {

    private static final CellSizes CELLS =
            CellSizes.forNetwork(SphinxParams.DEFAULT.packetSize(), SphinxParams.DEFAULT.payloadSize());
    private static final long PACKET = GatewayFixture.PACKET;
    private static final long TICK = GatewaySettings.DEFAULTS.downlinkIntervalNanos();
    private static final Duration REPORT = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    private final Ed25519Identity gateway = Ed25519Identity.generate();
    private final Ed25519Identity client = Ed25519Identity.generate();
    private final NodeMetrics metrics = new NodeMetrics();
    private final NodeKeyPair layer1 = NodeKeyPair.generate(new SecureRandom());
    private final DelayScheduler scheduler = new DelayScheduler("t", 100, metrics, (p, b) -> {});
    private GatewayFixture bandwidth;
    private GatewayDelivery delivery;
    private ClientChannelInitializer listener;
    private ClientLinkPair link;

    @BeforeEach
    void gateway() throws Exception {
        bandwidth = new GatewayFixture(tmp.resolve("bandwidth"));
        listen();
    }

    /** The client listener over the fixture's balances and desk as they are now. */
    private void listen() throws IOException {
        GatewayBandwidth metered = GatewayBandwidth.metered(
                BandwidthSettings.UNMETERED.withReportInterval(REPORT), bandwidth.balances, bandwidth.desk);
        delivery = new GatewayDelivery(
                new ClientRegistry(tmp.resolve("clients"), 10, Clock.systemUTC()),
                new InboxStore(tmp.resolve("inboxes"), 10),
                metrics,
                new GatewayCounters(),
                Runnable::run,
                GatewaySettings.DEFAULTS,
                Clock.systemUTC(),
                new AtomicLong()::get,
                metered);
        ClientPacketInjector injector = new ClientPacketInjector(
                SphinxParams.DEFAULT.packetSize(), topologyWithLayer1(), scheduler, bandwidth.balances, metrics);
        listener = new ClientChannelInitializer(
                delivery, injector, gateway.publicKey(), LinkKeys.fromEd25519Seed(gateway.secretKey()), CELLS);
    }

    /** A held document whose one layer-1 node is {@link #layer1}, so Sends to it are accepted. */
    private TopologyView topologyWithLayer1() {
        String sphinxKey = Keys.encode(layer1.publicKey().toBytes());
        EpochDocument document = new EpochDocument(
                EpochDocument.VERSION,
                1,
                0,
                1000,
                1100,
                "",
                new EpochDocument.Mixing(50, 1, 1, 1),
                List.of(new EpochDocument.Layer(
                        1,
                        List.of(new EpochDocument.Mixnode(
                                Keys.encode(Ed25519Identity.generate().publicKey()),
                                "127.0.0.1:10",
                                1,
                                sphinxKey,
                                sphinxKey,
                                "t",
                                "t",
                                null)))),
                List.of());
        TopologyView view = new TopologyView("gateway");
        view.update(List.of(document));
        return view;
    }

    @AfterEach
    void noLeaks() throws InterruptedException {
        if (link != null) {
            link.close();
        }
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    /** Registers, opens the session; its Authenticated. */
    private Authenticated session() {
        ClientLinkPair registering = new ClientLinkPair(listener, CELLS, client, gateway.publicKey());
        registering.send(new Register(client.publicKey()));
        Challenge challenge = assertInstanceOf(Challenge.class, only(registering));
        registering.send(
                ChallengeResponse.sign(client, challenge.challenge(), registering.handshakeHash, gateway.publicKey()));
        assertInstanceOf(Registered.class, only(registering));
        registering.close();
        link = new ClientLinkPair(listener, CELLS, client, gateway.publicKey());
        link.send(new Authenticate(client.publicKey()));
        return assertInstanceOf(Authenticated.class, only(link));
    }

    private static GatewayMessage only(ClientLinkPair link) {
        List<GatewayMessage> got = link.messages();
        assertEquals(1, got.size(), got.toString());
        return got.get(0);
    }

    /** Sends {@code messages} in one cell and returns what the next tick brought. */
    private List<GatewayMessage> exchange(GatewayMessage... messages) {
        link.send(messages);
        link.advance(TICK);
        return link.messages();
    }

    private <T extends GatewayMessage> T answer(Class<T> type, GatewayMessage... messages) {
        List<GatewayMessage> got = exchange(messages);
        assertEquals(1, got.size(), got.toString());
        return assertInstanceOf(type, got.get(0));
    }

    private Send packet() {
        return new Send(NodeAddress.derive(layer1.publicKey().toBytes()).toBytes(), new byte[(int) PACKET]);
    }

    /** RequestSpend, then a fresh credential of {@code value} shown for the offer. */
    private Bandwidth pay(int value) throws Exception {
        SpendOffer offer = answer(SpendOffer.class, new RequestSpend());
        return answer(Bandwidth.class, bandwidth.spend(bandwidth.issue(value), offer.binding(), offer.nonce()));
    }

    private long balance() {
        return bandwidth.balances.balance(client.publicKey());
    }

    private void deliver() {
        delivery.deliver(new ProcessResult.Final(
                NodeAddress.of(client.publicKey()), SurbId.of(new byte[16]), new byte[] {1}, 0, null));
    }

    @Test
    void noCredential_sendRefusedNoBandwidthAndNotForwarded() {
        assertEquals(0, session().bandwidth(), "a metered gateway reports the balance");
        ErrorMessage refused = answer(ErrorMessage.class, packet());
        assertEquals(ErrorMessage.Code.NO_BANDWIDTH, refused.code());
        assertTrue(refused.text().contains("RequestSpend"), refused.text());
        assertEquals(0, scheduler.size(), "not forwarded");
        assertEquals(1, metrics.snapshot().dropped(DropReason.NO_BANDWIDTH));
        assertTrue(link.gateway.isActive(), "the link stays open");
    }

    @Test
    void spend_thenEverySendAndEveryDeliveryCostsOnePacket() throws Exception {
        session();
        Bandwidth granted = pay(5);
        assertEquals(5 * bandwidth.ledger.bytesPerNym, granted.granted());
        assertEquals(granted.granted(), granted.balance());

        assertEquals(List.of(), exchange(packet()));
        assertEquals(1, scheduler.size(), "forwarded");
        assertEquals(granted.balance() - PACKET, balance());
        deliver();
        assertEquals(1, delivery.inbox(client.publicKey()).size());
        assertEquals(granted.balance() - 2 * PACKET, balance());
    }

    @Test
    void atZero_sendAndDeliveryRefused_afterATopUpBothWork() throws Exception {
        bandwidth.ledger.bytesPerNym = PACKET; // 1 NYM = one packet
        bandwidth.restart(); // the rate is read at start
        listen();
        session();
        assertEquals(PACKET, pay(1).balance());
        assertEquals(List.of(), exchange(packet()));
        assertEquals(
                ErrorMessage.Code.NO_BANDWIDTH,
                answer(ErrorMessage.class, packet()).code());
        deliver();
        assertEquals(0, delivery.inbox(client.publicKey()).size(), "not stored");
        assertEquals(2, metrics.snapshot().dropped(DropReason.NO_BANDWIDTH));

        assertEquals(2 * PACKET, pay(2).balance());
        assertEquals(List.of(), exchange(packet()));
        deliver();
        assertEquals(1, delivery.inbox(client.publicKey()).size());
        assertEquals(0, balance());
        assertEquals(2, scheduler.size());
    }

    @Test
    void offer_goodForOneAttempt_reusedOrMissingNonceInvalid() throws Exception {
        session();
        SpendOffer offer = answer(SpendOffer.class, new RequestSpend());
        SpendCredential spend = bandwidth.spend(bandwidth.issue(5), offer.binding(), offer.nonce());
        answer(Bandwidth.class, spend);
        long balance = balance();
        SpendCredential again = bandwidth.spend(bandwidth.issue(5), offer.binding(), offer.nonce());
        assertEquals(
                ErrorMessage.Code.NONCE_INVALID,
                answer(ErrorMessage.class, again).code());

        SpendOffer next = answer(SpendOffer.class, new RequestSpend());
        byte[] other = next.nonce().clone();
        other[0] ^= 1;
        SpendCredential wrongNonce = bandwidth.spend(bandwidth.issue(5), next.binding(), other);
        assertEquals(
                ErrorMessage.Code.NONCE_INVALID,
                answer(ErrorMessage.class, wrongNonce).code());
        SpendCredential late = bandwidth.spend(bandwidth.issue(5), next.binding(), next.nonce());
        assertEquals(
                ErrorMessage.Code.NONCE_INVALID,
                answer(ErrorMessage.class, late).code(),
                "the wrong attempt used the offer up");
        assertEquals(balance, balance());
    }

    @Test
    void openSession_toldItsBalanceEveryReportInterval() throws Exception {
        session();
        long balance = pay(2).balance();
        link.advance(REPORT.toNanos());
        List<GatewayMessage> got = link.messages();
        assertEquals(List.of(new Bandwidth(0, balance)), got);
    }

    @Test
    void spendMessages_beforeTheSession_notAuthenticated() {
        link = new ClientLinkPair(listener, CELLS, client, gateway.publicKey());
        link.send(new RequestSpend());
        assertEquals(
                ErrorMessage.Code.NOT_AUTHENTICATED,
                assertInstanceOf(ErrorMessage.class, only(link)).code());
    }
}
