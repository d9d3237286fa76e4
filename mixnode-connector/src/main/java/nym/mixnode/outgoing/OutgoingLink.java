package nym.mixnode.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;

/**
 * The long-lived connection to one next hop. All state lives on one event loop (every method hops onto it), so there
 * are no locks. Packets written while connected are flushed in batches (one flush per run of the event loop's task
 * queue); while connecting they wait in a bounded queue; a failed connection drops the waiting packets
 * ({@link DropReason#NEXT_HOP_UNREACHABLE}) and the next attempt waits an exponential backoff. A connection that is
 * not writable (the peer is slower than we are; Netty's high water mark) drops instead of buffering without limit.
 */
final class OutgoingLink {

    private static final Logger LOG = Logger.getLogger(OutgoingLink.class.getName());

    private final Peer peer;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final NodeMetrics metrics;
    private final int pendingCapacity;
    private final long backoffMinNanos;
    private final long backoffMaxNanos;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private Channel channel;
    private boolean connecting;
    private boolean backingOff;
    private boolean flushScheduled;
    private boolean closed;
    private long backoffNanos;

    OutgoingLink(
            Peer peer,
            EventLoop loop,
            Bootstrap bootstrap,
            NodeMetrics metrics,
            int pendingCapacity,
            Duration backoffMin,
            Duration backoffMax) {
        this.peer = peer;
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
        this.pendingCapacity = pendingCapacity;
        this.backoffMinNanos = backoffMin.toNanos();
        this.backoffMaxNanos = backoffMax.toNanos();
        this.backoffNanos = backoffMinNanos;
    }

    void send(byte[] packet) {
        if (loop.inEventLoop()) {
            sendOnLoop(packet);
        } else {
            loop.execute(() -> sendOnLoop(packet));
        }
    }

    private void sendOnLoop(byte[] packet) {
        if (closed) {
            metrics.dropped(DropReason.SHUTDOWN);
        } else if (channel != null && channel.isActive()) {
            write(packet);
        } else if (pending.size() >= pendingCapacity) {
            metrics.dropped(DropReason.OUTGOING_QUEUE_FULL);
        } else {
            pending.add(packet);
            if (!connecting && !backingOff) {
                connect();
            }
        }
    }

    private void write(byte[] packet) {
        if (!channel.isWritable()) {
            metrics.dropped(DropReason.OUTGOING_QUEUE_FULL);
            return;
        }
        channel.write(packet, channel.voidPromise());
        metrics.sent();
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(this::flush);
        }
    }

    private void flush() {
        flushScheduled = false;
        if (channel != null) {
            channel.flush();
        }
    }

    private void connect() {
        connecting = true;
        bootstrap.connect(peer.host(), peer.port()).addListener((ChannelFuture f) -> connected(f));
    }

    private void connected(ChannelFuture f) {
        connecting = false;
        if (!f.isSuccess()) {
            LOG.log(Level.FINE, "next hop " + peer.hostPort() + " unreachable: " + f.cause());
            failPending();
            backOff();
            return;
        }
        if (closed) {
            f.channel().close();
            return;
        }
        channel = f.channel();
        backoffNanos = backoffMinNanos;
        channel.closeFuture().addListener(c -> loop.execute(this::disconnected));
        while (!pending.isEmpty()) {
            write(pending.poll());
        }
    }

    private void disconnected() {
        channel = null;
        if (!closed && !pending.isEmpty() && !connecting && !backingOff) {
            connect();
        }
    }

    private void failPending() {
        metrics.dropped(DropReason.NEXT_HOP_UNREACHABLE, pending.size());
        pending.clear();
    }

    private void backOff() {
        backingOff = true;
        long wait = backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, backoffMaxNanos);
        loop.schedule(
                () -> {
                    backingOff = false;
                    if (!closed && !pending.isEmpty()) {
                        connect();
                    }
                },
                wait,
                TimeUnit.NANOSECONDS);
    }

    /**
     * Writes out what is queued on the connection, then closes it; packets still waiting for a connection are dropped
     * (counted). The future completes when the connection is closed.
     */
    Future<?> close() {
        Promise<Void> done = loop.newPromise();
        loop.execute(() -> {
            closed = true;
            metrics.dropped(DropReason.SHUTDOWN, pending.size());
            pending.clear();
            if (channel == null) {
                done.setSuccess(null);
                return;
            }
            // The empty buffer's write completes after every earlier write: close only then.
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener(ChannelFutureListener.CLOSE)
                    .channel()
                    .closeFuture()
                    .addListener(c -> done.setSuccess(null));
        });
        return done;
    }
}
