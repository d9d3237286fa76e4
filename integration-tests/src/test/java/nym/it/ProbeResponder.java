package nym.it;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import nym.link.HandshakeGate;
import nym.link.LinkFailureListener;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.PeerAuthorizer;

/**
 * A test node's mix port, as far as the directory's reachability probe goes: a real mixnet-link Noise responder (kind
 * {@code mix}) on a free loopback port, keyed from the node's Ed25519 identity as a mix node's link is. Close it to
 * make the node unreachable.
 */
final class ProbeResponder implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final int port;

    /** @param identitySeed the node's 32-byte Ed25519 secret (seed) */
    ProbeResponder(byte[] identitySeed) throws InterruptedException {
        try {
            port = listen(LinkKeys.fromEd25519Seed(identitySeed));
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The node's mix address: {@code 127.0.0.1:port}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private int listen(LinkKeys keys) throws InterruptedException {
        HandshakeGate gate = new HandshakeGate(HandshakeGate.DEFAULT_MAX_CONCURRENT);
        LinkSettings settings = LinkSettings.of("mix", 1024, 1024);
        Channel listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NoiseLink.responder(
                                ch.pipeline(), settings, keys, PeerAuthorizer.ANYONE, gate, LinkFailureListener.IGNORE);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }
}
