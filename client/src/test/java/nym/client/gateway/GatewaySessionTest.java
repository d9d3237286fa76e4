package nym.client.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nym.client.keys.ClientKeys;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Ack;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Bandwidth;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Cells;
import nym.gateway.api.Deliver;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.RequestSpend;
import nym.gateway.api.Send;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import nym.link.HandshakeGate;
import nym.link.LinkEstablished;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.PeerAuthorizer;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's session against a scripted gateway on loopback (a Noise responder that answers Authenticate, then sends
 * what the test tells it): delivered messages are handed on once and acknowledged in the next uplink cell, dummies
 * are dropped, a message sent again is acknowledged again but not delivered twice.
 */
class GatewaySessionTest {

    private static final CellSizes CELLS =
            CellSizes.forNetwork(SphinxParams.DEFAULT.packetSize(), SphinxParams.DEFAULT.payloadSize());

    private final Ed25519Identity gatewayIdentity = Ed25519Identity.generate();
    private final ClientKeys client = ClientKeys.generate(new SecureRandom());
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<List<GatewayMessage>> uplink = new LinkedBlockingQueue<>();
    private final List<byte[]> remoteStatics = new CopyOnWriteArrayList<>();
    private volatile ChannelHandlerContext gatewaySide;
    /** What Authenticated says is left. */
    private volatile long startBandwidth = Authenticated.UNMETERED;
    /** The gateway's answer to a SpendCredential (after a report of the old balance). */
    private volatile Function<SpendCredential, GatewayMessage> spendAnswer;

    private final BlockingQueue<SpendCredential> spends = new LinkedBlockingQueue<>();
    private Channel server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close().sync();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private GatewayLink startGateway() throws InterruptedException {
        LinkSettings settings = LinkSettings.of(CellSizes.LINK_KIND, CELLS.uplink(), CELLS.downlink());
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NoiseLink.responder(
                                ch.pipeline(),
                                settings,
                                LinkKeys.fromEd25519Seed(gatewayIdentity.secretKey()),
                                PeerAuthorizer.ANYONE,
                                new HandshakeGate(4),
                                failure -> {});
                        ch.pipeline().addLast(new ScriptedGateway());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return new GatewayLink("127.0.0.1:" + port, gatewayIdentity.publicKey(), CELLS);
    }

    private static final byte[] OFFER_NONCE = new byte[32];
    private static final byte[] BINDING = new byte[20];

    static {
        Arrays.fill(OFFER_NONCE, (byte) 7);
        Arrays.fill(BINDING, (byte) 0x11);
    }

    /** Answers Authenticate, RequestSpend (an offer) and SpendCredential (a report, then its answer); records the rest. */
    private final class ScriptedGateway extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof LinkEstablished e) {
                remoteStatics.add(e.remoteStatic());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            List<GatewayMessage> messages = Cells.unpack((byte[]) msg, CELLS.uplink());
            if (messages.size() == 1 && messages.get(0) instanceof Authenticate) {
                gatewaySide = ctx;
                ctx.writeAndFlush(Cells.pack(CELLS.downlink(), new Authenticated(0, 0, startBandwidth)));
            } else if (messages.size() == 1 && messages.get(0) instanceof RequestSpend) {
                ctx.writeAndFlush(Cells.pack(CELLS.downlink(), new SpendOffer(OFFER_NONCE, BINDING, 1_048_576)));
            } else if (messages.size() == 1 && messages.get(0) instanceof SpendCredential spend) {
                spends.add(spend);
                ctx.writeAndFlush(Cells.pack(CELLS.downlink(), new Bandwidth(0, startBandwidth)));
                ctx.writeAndFlush(Cells.pack(CELLS.downlink(), spendAnswer.apply(spend)));
            } else {
                uplink.add(messages);
            }
        }
    }

    private void downlink(GatewayMessage... messages) {
        gatewaySide.writeAndFlush(Cells.pack(CELLS.downlink(), messages));
    }

    @Test
    void session_deliveredTwiceAndDummies_handedOnOnceAckedEachTimeInTheNextSendCell() throws Exception {
        GatewayLink gateway = startGateway();
        BlockingQueue<Delivered> stored = new LinkedBlockingQueue<>();
        try (GatewaySession session = GatewaySession.open(
                gateway, client, new DeliveredOnce(100), stored::add, e -> {}, b -> {}, cause -> {})) {
            assertArrayEquals(LinkKeys.x25519PublicKey(client.identity().publicKey()), remoteStatics.get(0));
            Delivered message = new Delivered(new byte[16], new byte[] {4, 2});
            downlink(); // a dummy
            downlink(new Deliver(7, message));
            downlink(new Deliver(7, message)); // sent again: the first ack was "lost"
            Delivered got = stored.poll(10, TimeUnit.SECONDS);
            assertArrayEquals(message.toBytes(), got.toBytes());

            byte[] packet = new byte[SphinxParams.DEFAULT.packetSize()];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long acked = 0;
            while (acked < 2 && System.nanoTime() < deadline) {
                session.send(new byte[32], packet);
                List<GatewayMessage> cell = uplink.poll(10, TimeUnit.SECONDS);
                assertInstanceOf(Send.class, cell.get(0));
                for (GatewayMessage m : cell.subList(1, cell.size())) {
                    for (long seq : assertInstanceOf(Ack.class, m).seqs()) {
                        assertEquals(7, seq);
                        acked++;
                    }
                }
            }
            assertEquals(2, acked, "each copy acknowledged");
            assertTrue(stored.isEmpty(), "delivered once; the dummy delivered nothing");
        }
    }

    @Test
    void open_gatewayWithAnotherKey_refused() throws Exception {
        GatewayLink real = startGateway();
        GatewayLink impostor = new GatewayLink(
                real.clientListener(), Ed25519Identity.generate().publicKey(), CELLS);
        nym.client.ClientException e = org.junit.jupiter.api.Assertions.assertThrows(
                nym.client.ClientException.class,
                () -> GatewaySession.open(impostor, client, new DeliveredOnce(1), d -> {}, x -> {}, b -> {}, c -> {}));
        assertEquals(nym.client.ClientException.Kind.GATEWAY, e.kind());
    }

    @Test
    void open_nothingListening_gatewayErrorNotAConnectException() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        GatewayLink nowhere =
                new GatewayLink("127.0.0.1:" + port, Ed25519Identity.generate().publicKey(), CELLS);
        nym.client.ClientException e = org.junit.jupiter.api.Assertions.assertThrows(
                nym.client.ClientException.class,
                () -> GatewaySession.open(nowhere, client, new DeliveredOnce(1), d -> {}, x -> {}, b -> {}, c -> {}));
        assertEquals(nym.client.ClientException.Kind.GATEWAY, e.kind());
    }

    /** A session on a metered gateway that reports {@code start} bytes left; every Bandwidth goes to {@code reports}. */
    private GatewaySession meteredSession(
            long start, BlockingQueue<Bandwidth> reports, BlockingQueue<ErrorMessage> errors)
            throws InterruptedException {
        startBandwidth = start;
        return GatewaySession.open(
                startGateway(), client, new DeliveredOnce(1), d -> {}, errors::add, reports::add, c -> {});
    }

    private static SpendCredential proofFor(SpendOffer offer) {
        assertArrayEquals(BINDING, offer.binding());
        assertEquals(1_048_576, offer.bytesPerNym());
        return new SpendCredential(2, 10, offer.nonce(), new byte[] {1, 2, 3});
    }

    @Test
    void spend_offerProvenAndGranted_grantReturnedAndEveryBandwidthReported() throws Exception {
        BlockingQueue<Bandwidth> reports = new LinkedBlockingQueue<>();
        spendAnswer = spend -> new Bandwidth(spend.value() * 1_048_576, 5 + spend.value() * 1_048_576);
        try (GatewaySession session = meteredSession(5, reports, new LinkedBlockingQueue<>())) {
            assertEquals(5, session.bandwidthAtStart());

            SpendOutcome outcome = session.spend(GatewaySessionTest::proofFor);

            assertEquals(new SpendOutcome.Granted(10_485_760, 10_485_765), outcome);
            SpendCredential sent = spends.poll(10, TimeUnit.SECONDS);
            assertEquals(2, sent.keyEpoch());
            assertEquals(10, sent.value());
            assertArrayEquals(OFFER_NONCE, sent.nonce(), "the offer's nonce");
            assertArrayEquals(new byte[] {1, 2, 3}, sent.theta());
            assertEquals(new Bandwidth(0, 5), reports.poll(10, TimeUnit.SECONDS), "the report, not taken as a grant");
            assertEquals(new Bandwidth(10_485_760, 10_485_765), reports.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void spend_refused_theRefusalIsTheAnswerNotASessionErrorAndTheSessionGoesOn() throws Exception {
        BlockingQueue<ErrorMessage> errors = new LinkedBlockingQueue<>();
        spendAnswer = spend -> new ErrorMessage(ErrorMessage.Code.DOUBLE_SPEND, "ζ spent");
        try (GatewaySession session = meteredSession(0, new LinkedBlockingQueue<>(), errors)) {
            SpendOutcome outcome = session.spend(GatewaySessionTest::proofFor);

            assertEquals(new SpendOutcome.Refused(ErrorMessage.Code.DOUBLE_SPEND, "ζ spent"), outcome);
            downlink(new ErrorMessage(ErrorMessage.Code.NO_BANDWIDTH, "no bandwidth left"));
            assertEquals(
                    ErrorMessage.Code.NO_BANDWIDTH,
                    errors.poll(10, TimeUnit.SECONDS).code());
            assertTrue(errors.isEmpty(), "the refusal went to the spend only");
            assertTrue(session.isOpen());
        }
    }

    @Test
    void spend_gatewayClosesTheLink_gatewayErrorAtOnce() throws Exception {
        spendAnswer = spend -> {
            gatewaySide.close();
            return new Bandwidth(0, 0);
        };
        try (GatewaySession session = meteredSession(0, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>())) {
            nym.client.ClientException e = org.junit.jupiter.api.Assertions.assertThrows(
                    nym.client.ClientException.class,
                    () -> session.spend(GatewaySessionTest::proofFor, java.time.Duration.ofMinutes(5)));

            assertEquals("no answer from the gateway to SpendCredential: link closed", e.getMessage());
        }
    }
}
