package nym.mixnode.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;

/**
 * One {@link OutgoingLink} per next hop ({@code host:port}), made on first use and kept for the node's life. The
 * connections only write: whatever a peer sends back on them is released and ignored.
 */
public final class OutgoingConnections {

    /** Bytes queued in Netty per connection before it stops being writable (then packets drop, not buffer). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final NodeMetrics metrics;
    private final int pendingPerHop;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final Map<String, OutgoingLink> links = new ConcurrentHashMap<>();

    public OutgoingConnections(
            EventLoopGroup group, NodeMetrics metrics, int pendingPerHop, Duration backoffMin, Duration backoffMax) {
        this.group = group;
        this.metrics = metrics;
        this.pendingPerHop = pendingPerHop;
        this.backoffMin = backoffMin;
        this.backoffMax = backoffMax;
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new PacketFrameEncoder(), new IgnoreInbound());
                    }
                });
    }

    /** Sends {@code packet} to {@code peer} now (never blocks; overload and failures are counted drops). */
    public void send(Peer peer, byte[] packet) {
        links.computeIfAbsent(
                        peer.hostPort(),
                        k -> new OutgoingLink(
                                peer, group.next(), bootstrap, metrics, pendingPerHop, backoffMin, backoffMax))
                .send(packet);
    }

    /**
     * Closes the links to next hops that are no longer in the topology, so links do not accumulate over the node's
     * life (a packet still held for such a hop opens a new link, which the next call closes again).
     */
    public void retainOnly(Set<String> hostPorts) {
        links.keySet().removeIf(hostPort -> {
            if (hostPorts.contains(hostPort)) {
                return false;
            }
            links.get(hostPort).close();
            return true;
        });
    }

    /** Writes out what every connection has queued and closes them, waiting at most {@code deadline}. */
    public void close(Duration deadline) {
        List<Future<?>> closing = new ArrayList<>();
        links.values().forEach(link -> closing.add(link.close()));
        long end = System.nanoTime() + deadline.toNanos();
        for (Future<?> f : closing) {
            f.awaitUninterruptibly(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Peers only receive on these connections; anything they send is released and ignored. */
    private static final class IgnoreInbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
