package nym.mixnode.lifecycle;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Cells;
import nym.gateway.api.Challenge;
import nym.gateway.api.ChallengeResponse;
import nym.gateway.api.Delivered;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.Send;
import nym.link.LinkEstablished;
import nym.link.LinkKeys;
import nym.link.NoiseLink;
import nym.mixnode.gateway.ClientChannelInitializer;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.PacketBuilder;
import nym.sphinx.Payloads;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;

/**
 * A blocking client of the gateway protocol for tests: a Noise initiator over real TCP, one event loop of its own.
 * Keeps every non-dummy message the gateway sends in arrival order, counts the dummy cells, and records the length of
 * every frame on the wire from the gateway (raw bytes, before the link decrypts them).
 */
final class GatewayTestClient implements AutoCloseable {

    static final CellSizes CELLS =
            CellSizes.forNetwork(SphinxParams.DEFAULT.packetSize(), SphinxParams.DEFAULT.payloadSize());

    final Ed25519Identity identity;
    final List<Integer> frameLengths = new CopyOnWriteArrayList<>();
    final AtomicInteger dummies = new AtomicInteger();
    private final byte[] gatewayKey;
    private final PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom());
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<GatewayMessage> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<byte[]> handshakeHash = new CompletableFuture<>();
    private final Channel channel;

    GatewayTestClient(MixNode gateway, Ed25519Identity identity) throws Exception {
        this.identity = identity;
        this.gatewayKey = gateway.config().keys().identity().publicKey();
        InetSocketAddress address = gateway.clientAddress();
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameLengthRecorder());
                        NoiseLink.initiator(
                                ch.pipeline(),
                                ClientChannelInitializer.linkSettings(CELLS).mirrored(),
                                LinkKeys.fromEd25519Seed(identity.secretKey()),
                                LinkKeys.x25519PublicKey(gatewayKey),
                                failure -> {});
                        ch.pipeline().addLast(new Receiver());
                    }
                })
                .connect(address)
                .sync()
                .channel();
    }

    /** A client connected to {@code gateway}, registered and authenticated. */
    static GatewayTestClient registered(MixNode gateway) throws Exception {
        GatewayTestClient client = new GatewayTestClient(gateway, Ed25519Identity.generate());
        client.register();
        client.authenticate();
        return client;
    }

    /** Registers this client's identity by the challenge-response on this link. */
    void register() throws Exception {
        send(new Register(identity.publicKey()));
        Challenge challenge = (Challenge) next();
        send(ChallengeResponse.sign(identity, challenge.challenge(), hash(), gatewayKey));
        expect(Registered.class);
    }

    Authenticated authenticate() throws Exception {
        send(new Authenticate(identity.publicKey()));
        return expect(Authenticated.class);
    }

    byte[] hash() throws Exception {
        return handshakeHash.get(10, TimeUnit.SECONDS);
    }

    /** One uplink cell with {@code messages}. */
    void send(GatewayMessage... messages) throws Exception {
        hash();
        channel.writeAndFlush(Cells.pack(CELLS.uplink(), messages)).sync();
    }

    /** The next non-dummy message (10 s at most, else an AssertionError). */
    GatewayMessage next() throws InterruptedException {
        GatewayMessage m = received.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message from the gateway within 10 s");
        }
        return m;
    }

    <T extends GatewayMessage> T expect(Class<T> type) throws InterruptedException {
        GatewayMessage m = next();
        if (!type.isInstance(m)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + m);
        }
        return type.cast(m);
    }

    /** The next message if one arrives within {@code millis}, else null. */
    GatewayMessage poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** A Send of {@code message} over {@code route}, addressed to this client. */
    Send packetToSelf(List<RouteHop> route, byte[] message) throws SphinxException {
        SphinxPacket packet = builder.build(route, Destination.of(NodeAddress.of(identity.publicKey())), message);
        return new Send(packet.firstHop().toBytes(), packet.bytes());
    }

    /** The message in a delivery of {@link #packetToSelf}: the gateway stores the body unchecked, the client opens it. */
    static byte[] message(Delivered delivered) throws SphinxException {
        return Payloads.openFinal(SphinxParams.DEFAULT, delivered.body());
    }

    @Override
    public void close() throws InterruptedException {
        channel.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Before the link: the lengths of the frames as they cross the wire ({@code u16 length | body}). */
    private final class FrameLengthRecorder extends ChannelInboundHandlerAdapter {
        private int bodyLeft;
        private int headerRead;
        private int header;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            for (int i = b.readerIndex(); i < b.writerIndex(); ) {
                if (bodyLeft > 0) {
                    int take = Math.min(bodyLeft, b.writerIndex() - i);
                    bodyLeft -= take;
                    i += take;
                } else {
                    header = (header << 8) | b.getUnsignedByte(i++);
                    if (++headerRead == 2) {
                        frameLengths.add(header);
                        bodyLeft = header;
                        headerRead = 0;
                        header = 0;
                    }
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** After the link: cells, unpacked. */
    private final class Receiver extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof LinkEstablished e) {
                handshakeHash.complete(e.handshakeHash());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            List<GatewayMessage> messages = Cells.unpack((byte[]) msg, CELLS.downlink());
            if (messages.isEmpty()) {
                dummies.incrementAndGet();
            }
            received.addAll(messages);
        }
    }
}
