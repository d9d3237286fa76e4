package nym.mixnode.cryptoworker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.mixnode.keys.SphinxKeyRing;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.sphinx.ProcessResult;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;

/**
 * STAND-IN for engineer MK's pool (same constructor and {@link Opened}; the integrator keeps MK's).
 *
 * <p>Sphinx processing off the event loops: a bounded queue and a fixed set of threads, each with its own
 * {@link SphinxProcessor} (not thread-safe by design). A full queue drops the packet
 * ({@link DropReason#CRYPTO_QUEUE_FULL}); a packet Sphinx refuses or a replay is dropped and counted; what remains
 * goes to {@code forward} or {@code deliver} on the worker thread.
 */
public final class CryptoWorkerPool {

    private static final Logger LOG = Logger.getLogger(CryptoWorkerPool.class.getName());
    private static final byte[] STOP = new byte[0];
    /** STAND-IN (engineer MK replaces the replay cache by per-key filters). */
    private static final int REPLAY_CAPACITY = 10_000;

    private final BlockingQueue<byte[]> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final NodeMetrics metrics;
    private final ReplayCache replays;
    private final Consumer<Opened<ProcessResult.Forward>> forward;
    private final Consumer<Opened<ProcessResult.Final>> deliver;
    private final SphinxKeyRing ring;
    private final SphinxParams params;
    private volatile boolean accepting = true;

    public CryptoWorkerPool(
            String name,
            int workers,
            int queueCapacity,
            SphinxParams params,
            SphinxKeyRing ring,
            NodeMetrics metrics,
            Consumer<Opened<ProcessResult.Forward>> forward,
            Consumer<Opened<ProcessResult.Final>> deliver) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.metrics = metrics;
        this.replays = new ReplayCache(REPLAY_CAPACITY);
        this.ring = ring;
        this.params = params;
        this.forward = forward;
        this.deliver = deliver;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::run, name + "-crypto-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /** Queues a packet; false (and counted) when the queue is full or the pool is stopping. Never blocks. */
    public boolean submit(byte[] packet) {
        if (accepting && queue.offer(packet)) {
            return true;
        }
        metrics.dropped(DropReason.CRYPTO_QUEUE_FULL);
        return false;
    }

    /** Packets queued or being processed. */
    public int pending() {
        return queue.size() + busy.get();
    }

    private void run() {
        while (true) {
            byte[] packet;
            try {
                packet = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (packet == STOP) {
                return;
            }
            busy.incrementAndGet();
            try {
                process(packet);
            } catch (RuntimeException e) {
                // A bug must not kill the worker: the packet is dropped and the cause logged.
                metrics.dropped(DropReason.INVALID_PACKET);
                LOG.log(Level.SEVERE, "unexpected failure processing a packet", e);
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    private void process(byte[] packet) {
        ProcessResult result = null;
        long keyEpoch = 0;
        for (SphinxKeyRing.EpochKey key : ring.held()) {
            try {
                result = new SphinxProcessor(params, key.pair()).process(packet);
                keyEpoch = key.epoch();
                break;
            } catch (SphinxException e) {
                LOG.log(Level.FINE, "packet refused: {0}", e.kind());
            }
        }
        if (result == null) {
            metrics.dropped(DropReason.INVALID_PACKET);
            return;
        }
        switch (replays.check(result.replayTag())) {
            case REPLAY -> metrics.dropped(DropReason.REPLAY);
            case FULL -> metrics.dropped(DropReason.REPLAY_CACHE_FULL);
            case FRESH -> {
                if (result instanceof ProcessResult.Forward f) {
                    forward.accept(new Opened<>(keyEpoch, f));
                } else {
                    deliver.accept(new Opened<>(keyEpoch, (ProcessResult.Final) result));
                }
            }
        }
    }

    /**
     * Stops taking packets, lets the queued ones be processed until {@code deadline} has passed, then stops the
     * threads; packets still queued are counted as {@link DropReason#SHUTDOWN}.
     */
    public void drainAndStop(Duration deadline) throws InterruptedException {
        accepting = false;
        long end = System.nanoTime() + deadline.toNanos();
        while (pending() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        List<byte[]> left = new ArrayList<>();
        queue.drainTo(left);
        metrics.dropped(DropReason.SHUTDOWN, left.size());
        for (Thread t : threads) {
            if (!queue.offer(STOP)) {
                t.interrupt();
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(1));
            t.interrupt();
        }
    }
}
