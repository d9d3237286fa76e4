package nym.mixnode.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.link.LinkEstablished;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;

/**
 * The long-lived mix link to one next hop. All state lives on one event loop (the connection is registered on it and
 * every method hops onto it), so there are no locks. A link is usable once its Noise handshake completed
 * ({@link LinkEstablished}); until then packets wait in a bounded queue. Packets written on an established link are
 * flushed in batches (one flush per run of the event loop's task queue). A connection or handshake that fails drops
 * the waiting packets ({@link DropReason#NEXT_HOP_UNREACHABLE}; the link failure itself is counted by kind) and the
 * next attempt waits an exponential backoff. A connection that is not writable (the peer is slower than we are;
 * Netty's high water mark) drops instead of buffering without limit.
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
    /** The established link; null while there is none. */
    private Channel channel;
    /** The connection whose TCP connect or handshake is running; null when none is. */
    private Channel opening;

    private boolean connecting;
    private boolean backingOff;
    private boolean flushScheduled;
    private boolean closed;
    private long backoffNanos;

    /**
     * @param base the connection options; this link registers its connections on {@code loop}
     * @param installLink puts the Noise initiator for {@code peer} on a new connection's pipeline
     */
    OutgoingLink(
            Peer peer,
            EventLoop loop,
            Bootstrap base,
            Consumer<ChannelPipeline> installLink,
            NodeMetrics metrics,
            int pendingCapacity,
            Duration backoffMin,
            Duration backoffMax) {
        this.peer = peer;
        this.loop = loop;
        this.bootstrap = base.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                installLink.accept(ch.pipeline());
                ch.pipeline().addLast(new LinkReady());
            }
        });
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
        ChannelFuture f = bootstrap.connect(peer.host(), peer.port());
        opening = f.channel();
        f.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                done.channel().closeFuture().addListener(c -> closedConnection(done.channel()));
            } else {
                LOG.log(Level.FINE, "next hop " + peer.hostPort() + " unreachable: " + done.cause());
                openingFailed();
            }
        });
    }

    /** The handshake completed: the link carries packets from now on. */
    private void established(Channel ch) {
        if (ch != opening) {
            return;
        }
        opening = null;
        connecting = false;
        if (closed) {
            ch.close();
            return;
        }
        channel = ch;
        backoffNanos = backoffMinNanos;
        while (!pending.isEmpty()) {
            write(pending.poll());
        }
    }

    private void closedConnection(Channel ch) {
        if (ch == opening) {
            openingFailed();
        } else if (ch == channel) {
            channel = null;
            if (!closed && !pending.isEmpty() && !connecting && !backingOff) {
                connect();
            }
        }
    }

    /** The connect or the handshake failed (the link's listener counted why): waiting packets drop, then back off. */
    private void openingFailed() {
        opening = null;
        connecting = false;
        metrics.dropped(DropReason.NEXT_HOP_UNREACHABLE, pending.size());
        pending.clear();
        if (!closed) {
            backOff();
        }
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
     * Writes out what is queued on the link, then closes it; packets still waiting for a link are dropped (counted),
     * a handshake still running is abandoned. The future completes when the link is closed.
     */
    Future<?> close() {
        Promise<Void> done = loop.newPromise();
        loop.execute(() -> {
            closed = true;
            metrics.dropped(DropReason.SHUTDOWN, pending.size());
            pending.clear();
            if (opening != null) {
                opening.close();
            }
            if (channel == null) {
                done.setSuccess(null);
                return;
            }
            // The empty buffer's write completes after every earlier cell's: close only then.
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener(ChannelFutureListener.CLOSE)
                    .channel()
                    .closeFuture()
                    .addListener(c -> done.setSuccess(null));
        });
        return done;
    }

    /**
     * The tail of an outgoing link's pipeline: tells the link when the handshake completed. Next hops send nothing
     * on these links; anything that arrives is released and ignored.
     */
    private final class LinkReady extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof LinkEstablished) {
                established(ctx.channel());
            }
            ReferenceCountUtil.release(evt);
        }

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
