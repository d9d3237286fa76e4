package nym.mixnode.gateway;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nym.gateway.api.CellBuilder;
import nym.gateway.api.Deliver;
import nym.gateway.api.GatewayMessage;

/**
 * The downlink of one open session (the Loopix provider model): every {@code 1 / downlink rate} the connection's event
 * loop sends exactly one cell of the downlink size — the session's pending control messages, then one waiting
 * message if one is ready, padded; a dummy when nothing waits. So the link's timing says nothing about when messages
 * arrive. The next message is read from the inbox on the storage executor between ticks ({@link #prepare}), never on
 * the event loop; a tick that finds none ready sends what it has. While the connection is not writable (the client
 * reads slowly) ticks send nothing, so the gateway never buffers without limit.
 */
final class DownlinkPump {

    private final ChannelHandlerContext ctx;
    private final Inbox inbox;
    private final GatewayDelivery delivery;
    private final int cellSize;
    private final Queue<GatewayMessage> controls = new ArrayDeque<>();
    private final AtomicReference<Inbox.Stored> ready = new AtomicReference<>();
    private final AtomicBoolean preparing = new AtomicBoolean();
    private ScheduledFuture<?> ticks;
    private Duration reportInterval;
    private Supplier<GatewayMessage> report;
    private ScheduledFuture<?> reports;

    DownlinkPump(ChannelHandlerContext ctx, Inbox inbox, GatewayDelivery delivery, int cellSize) {
        this.ctx = ctx;
        this.inbox = inbox;
        this.delivery = delivery;
        this.cellSize = cellSize;
    }

    /** Starts the ticks (event loop); the first cell goes out at once. */
    void start() {
        long interval = delivery.settings().downlinkIntervalNanos();
        ticks = ctx.executor().scheduleAtFixedRate(this::tick, 0, interval, TimeUnit.NANOSECONDS);
        if (report != null) {
            long every = reportInterval.toNanos();
            reports = ctx.executor().scheduleAtFixedRate(() -> queue(report.get()), every, every, TimeUnit.NANOSECONDS);
        }
        prepare();
    }

    /** Before {@link #start}: queues {@code report}'s message every {@code interval} (a metered session's balance). */
    void reportEvery(Duration interval, Supplier<GatewayMessage> report) {
        this.reportInterval = interval;
        this.report = report;
    }

    /** Sends {@code message} in the next cell (event loop). */
    void queue(GatewayMessage message) {
        controls.add(message);
    }

    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        if (reports != null) {
            reports.cancel(false);
        }
    }

    private void tick() {
        if (!ctx.channel().isActive()) {
            stop();
            return;
        }
        if (!ctx.channel().isWritable()) {
            return;
        }
        CellBuilder cell = new CellBuilder(cellSize);
        while (!controls.isEmpty() && cell.tryAdd(controls.peek())) {
            controls.poll();
        }
        Inbox.Stored next = ready.get();
        if (next != null && cell.tryAdd(new Deliver(next.seq(), next.message()))) {
            ready.set(null);
        }
        ctx.writeAndFlush(cell.build());
        if (ready.get() == null) {
            prepare();
        }
    }

    /** Reads the next message to send on the storage executor, unless a read is already under way. */
    private void prepare() {
        if (!preparing.compareAndSet(false, true)) {
            return;
        }
        boolean queued = delivery.runOnStorage(() -> {
            try {
                ready.set(inbox.nextToSend(
                        delivery.nanoTime(), delivery.settings().resendAfter().toNanos()));
            } finally {
                preparing.set(false);
            }
        });
        if (!queued) {
            preparing.set(false);
        }
    }
}
