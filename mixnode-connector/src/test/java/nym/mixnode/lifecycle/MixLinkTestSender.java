package nym.mixnode.lifecycle;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nym.link.LinkException;
import nym.link.LinkKeys;
import nym.link.NoiseLink;
import nym.mixnode.keys.NodeKeys;

/**
 * A mix link to a node, opened as a previous-layer node would open it: a Noise initiator with {@code keys} (which
 * the test announced in the topology, or did not, to be refused), expecting the node's link key.
 */
final class MixLinkTestSender implements AutoCloseable {

    final List<LinkException> failures = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;

    MixLinkTestSender(MixNode node, NodeKeys keys) throws InterruptedException {
        byte[] nodeLinkKey =
                LinkKeys.x25519PublicKey(node.config().keys().identity().publicKey());
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NoiseLink.initiator(
                                ch.pipeline(),
                                node.config().mixLinkSettings(),
                                keys.link(),
                                nodeLinkKey,
                                failures::add);
                    }
                })
                .connect(node.mixnetAddress())
                .sync()
                .channel();
    }

    /** Sends one packet as a cell, waiting until it was written (it waits for the handshake first). */
    void sendPacket(byte[] packet) {
        channel.writeAndFlush(packet).syncUninterruptibly();
    }

    /** True once the node has closed this link. */
    boolean closedByPeer() throws InterruptedException {
        return channel.closeFuture().await(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
