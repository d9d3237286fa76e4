package nym.mixnode.scheduler;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;

/**
 * Holds every packet for the delay its sender chose: one priority queue ordered by due time (a {@link DelayQueue})
 * and one thread that hands each packet to the outgoing side when it is due. Bounded: a full queue drops the packet
 * ({@link DropReason#SCHEDULER_FULL}). Delays are in nanoseconds of {@link System#nanoTime()}, never truncated.
 */
public final class DelayScheduler {

    private static final class Held implements Delayed {
        final long dueNanos;
        final Peer peer;
        final byte[] packet;

        Held(long dueNanos, Peer peer, byte[] packet) {
            this.dueNanos = dueNanos;
            this.peer = peer;
            this.packet = packet;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Held) o).dueNanos);
        }
    }

    private final DelayQueue<Held> queue = new DelayQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final NodeMetrics metrics;
    private final BiConsumer<Peer, byte[]> outgoing;
    private final Thread thread;
    private volatile boolean accepting = true;

    /** @param outgoing sends a due packet to its peer; must not block */
    public DelayScheduler(String name, int capacity, NodeMetrics metrics, BiConsumer<Peer, byte[]> outgoing) {
        this.capacity = capacity;
        this.metrics = metrics;
        this.outgoing = outgoing;
        this.thread = new Thread(this::run, name + "-scheduler");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Holds {@code packet} for {@code delayNanos}, then sends it to {@code peer}; false (counted) when full. */
    public boolean schedule(Peer peer, byte[] packet, long delayNanos) {
        if (!accepting || size.incrementAndGet() > capacity) {
            if (accepting) {
                size.decrementAndGet();
            }
            metrics.dropped(accepting ? DropReason.SCHEDULER_FULL : DropReason.SHUTDOWN);
            return false;
        }
        queue.put(new Held(System.nanoTime() + delayNanos, peer, packet));
        return true;
    }

    /** Packets held now. */
    public int size() {
        return size.get();
    }

    private void run() {
        while (true) {
            Held held;
            try {
                held = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            size.decrementAndGet();
            outgoing.accept(held.peer, held.packet);
        }
    }

    /**
     * Refuses new packets, keeps sending held packets as they fall due until {@code deadline}, then drops what is
     * left ({@link DropReason#SHUTDOWN}) and stops the thread.
     */
    public void drainAndStop(Duration deadline) throws InterruptedException {
        accepting = false;
        long end = System.nanoTime() + deadline.toNanos();
        while (size.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(1));
        int left = queue.size();
        queue.clear();
        size.addAndGet(-left);
        metrics.dropped(DropReason.SHUTDOWN, left);
    }
}
