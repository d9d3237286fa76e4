package nym.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nym.link.testing.LeakRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LinkProbe} against a real Noise responder on loopback, and against listeners that are not one. */
class LinkProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final LinkKeys node = keys();
    private final BlockingQueue<LinkException> responderFailures = new LinkedBlockingQueue<>();
    private EventLoopGroup group;

    @BeforeEach
    void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void stop() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    @Test
    void probe_responderHoldingTheKey_answered() throws Exception {
        Channel listener = responder("mix", node);

        LinkProbe.Result r = new LinkProbe("mix", TIMEOUT).probe(address(listener), node.publicKey());

        assertTrue(r.answered(), r.reason());
        assertEquals("", r.reason());
        // The probe stops after message 2: the responder sees the handshake end incomplete, never an established link.
        LinkException seen = responderFailures.poll(5, TimeUnit.SECONDS);
        assertEquals(LinkException.Kind.HANDSHAKE_INCOMPLETE, seen == null ? null : seen.kind());
    }

    @Test
    void probe_responderWithAnotherKey_refusedClosedBeforeMessage2() throws Exception {
        Channel listener = responder("mix", keys());

        LinkProbe.Result r = new LinkProbe("mix", TIMEOUT).probe(address(listener), node.publicKey());

        assertFalse(r.answered());
        assertTrue(r.reason().contains("closed before message 2"), r.reason());
    }

    @Test
    void probe_responderOfAnotherLinkKind_refused() throws Exception {
        Channel listener = responder("client", node);

        LinkProbe.Result r = new LinkProbe("mix", TIMEOUT).probe(address(listener), node.publicKey());

        assertFalse(r.answered());
        assertTrue(r.reason().contains("closed before message 2"), r.reason());
    }

    @Test
    void probe_closedPort_refusedConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        LinkProbe.Result r =
                new LinkProbe("mix", TIMEOUT).probe(new InetSocketAddress("127.0.0.1", port), node.publicKey());

        assertFalse(r.answered());
        assertEquals("connection refused", r.reason());
    }

    @Test
    void probe_listenerAnsweringGarbageOfTheRightLength_refusedDoesNotDecrypt() throws Exception {
        byte[] garbage = new byte[2 + LinkFrames.MESSAGE_2_BYTES];
        new SecureRandom().nextBytes(garbage);
        garbage[0] = 0;
        garbage[1] = (byte) LinkFrames.MESSAGE_2_BYTES;

        LinkProbe.Result r = againstRawListener(garbage);

        assertFalse(r.answered());
        assertTrue(r.reason().contains("does not decrypt"), r.reason());
    }

    @Test
    void probe_listenerAnsweringAFrameOfAnotherLength_refusedNamingTheLength() throws Exception {
        LinkProbe.Result r = againstRawListener(new byte[] {0, 5, 1, 2, 3, 4, 5});

        assertFalse(r.answered());
        assertTrue(r.reason().contains("has 5 bytes"), r.reason());
    }

    @Test
    void probe_unresolvedHost_refused() {
        LinkProbe.Result r = new LinkProbe("mix", TIMEOUT)
                .probe(InetSocketAddress.createUnresolved("nowhere.invalid", 1), node.publicKey());

        assertFalse(r.answered());
        assertEquals("host does not resolve", r.reason());
    }

    /** A plain TCP listener that reads message 1, answers {@code answer} and closes. */
    private LinkProbe.Result againstRawListener(byte[] answer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> answerOnce(server, s -> {
                try {
                    s.getInputStream().readNBytes(2 + LinkFrames.MESSAGE_1_BYTES);
                    s.getOutputStream().write(answer);
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            serving.start();
            LinkProbe.Result r = new LinkProbe("mix", TIMEOUT)
                    .probe(new InetSocketAddress("127.0.0.1", server.getLocalPort()), node.publicKey());
            serving.join(5000);
            return r;
        }
    }

    private static void answerOnce(ServerSocket server, Consumer<Socket> answer) {
        try (Socket s = server.accept()) {
            answer.accept(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Channel responder(String kind, LinkKeys keys) throws InterruptedException {
        LinkSettings settings = LinkSettings.of(kind, 64, 64);
        HandshakeGate gate = new HandshakeGate(4);
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NoiseLink.responder(ch.pipeline(), settings, keys, key -> true, gate, responderFailures::add);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    private static InetSocketAddress address(Channel listener) {
        return (InetSocketAddress) listener.localAddress();
    }

    private static LinkKeys keys() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return LinkKeys.fromEd25519Seed(seed);
    }
}
