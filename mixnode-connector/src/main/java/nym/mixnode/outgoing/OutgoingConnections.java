package nym.mixnode.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nym.link.LinkFailureListener;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;

/**
 * One {@link OutgoingLink} per next hop ({@code host:port} and identity key), made on first use and kept while the
 * hop is in the topology. Each is a Noise initiator (mixnet-link, link kind {@code "mix"}) that expects the hop's
 * link key from the topology; its cells are Sphinx packets. The links only write: whatever a peer sends back on them
 * is released and ignored. Link failures are counted by kind ({@link NodeMetrics#linkFailed}).
 */
public final class OutgoingConnections {

    /** Bytes queued in Netty per connection before it stops being writable (then packets drop, not buffer). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final LinkSettings settings;
    private final LinkKeys keys;
    private final LinkFailureListener failures;
    private final NodeMetrics metrics;
    private final int pendingPerHop;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final Map<String, OutgoingLink> links = new ConcurrentHashMap<>();

    public OutgoingConnections(
            EventLoopGroup group,
            LinkSettings settings,
            LinkKeys keys,
            LinkFailureListener failures,
            NodeMetrics metrics,
            int pendingPerHop,
            Duration backoffMin,
            Duration backoffMax) {
        this.group = group;
        this.settings = settings;
        this.keys = keys;
        this.failures = failures;
        this.metrics = metrics;
        this.pendingPerHop = pendingPerHop;
        this.backoffMin = backoffMin;
        this.backoffMax = backoffMax;
        this.bootstrap = new Bootstrap()
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
    }

    /** Sends {@code packet} to {@code peer} now (never blocks; overload and failures are counted drops). */
    public void send(Peer peer, byte[] packet) {
        links.computeIfAbsent(linkId(peer), k -> newLink(peer)).send(packet);
    }

    private OutgoingLink newLink(Peer peer) {
        byte[] peerKey = peer.linkKey();
        return new OutgoingLink(
                peer,
                group.next(),
                bootstrap,
                pipeline -> NoiseLink.initiator(pipeline, settings, keys, peerKey, failures),
                metrics,
                pendingPerHop,
                backoffMin,
                backoffMax);
    }

    /** A node that comes back with a new identity at the same address gets a new link (the old one expects the old key). */
    private static String linkId(Peer peer) {
        return peer.hostPort() + " " + peer.identityKey();
    }

    /**
     * Closes the links to next hops that are no longer in the topology, so links do not accumulate over the node's
     * life (a packet still held for such a hop opens a new link, which the next call closes again).
     */
    public void retainOnly(Collection<Peer> peers) {
        Set<String> keep = peers.stream().map(OutgoingConnections::linkId).collect(Collectors.toSet());
        links.keySet().removeIf(id -> {
            if (keep.contains(id)) {
                return false;
            }
            links.get(id).close();
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
}
