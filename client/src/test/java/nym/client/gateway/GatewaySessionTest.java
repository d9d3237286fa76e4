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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nym.client.keys.ClientKeys;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Ack;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Cells;
import nym.gateway.api.Deliver;
import nym.gateway.api.Delivered;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.Send;
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

    /** Answers Authenticate; records every uplink cell. */
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
                ctx.writeAndFlush(Cells.pack(CELLS.downlink(), new Authenticated(0, 0, Authenticated.UNMETERED)));
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
}
