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
 * Sphinx processing off the event loops: a bounded queue and a fixed set of threads. Each thread keeps one {@link
 * SphinxProcessor} (not thread-safe by design) per key of {@link SphinxKeyRing#openKeys()}, rebuilt when the ring
 * changes, and tries them in the ring's order: the current key, the previous one while in grace, the next one. Each
 * key's replay filter is consulted as soon as γ has verified (before the rest of the hop's work).
 *
 * <p>Drops, each counted once: a full queue ({@link DropReason#CRYPTO_QUEUE_FULL}); a packet whose γ fails under
 * every key tried ({@link DropReason#UNKNOWN_KEY}: an expired key, another node's, or tampered — Sphinx cannot tell
 * them apart, so a MAC failure under the current key is counted the same way); a replay ({@link DropReason#REPLAY});
 * anything else Sphinx refuses ({@link DropReason#INVALID_PACKET}: wrong length, bad α, bad routing information
 * under a valid MAC). What remains goes to {@code forward} or {@code deliver} on the worker thread, with the epoch of
 * the key that opened it.
 */
public final class CryptoWorkerPool {

    private static final Logger LOG = Logger.getLogger(CryptoWorkerPool.class.getName());
    private static final byte[] STOP = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final SphinxParams params;
    private final SphinxKeyRing ring;
    private final NodeMetrics metrics;
    private final Consumer<Opened<ProcessResult.Forward>> forward;
    private final Consumer<Opened<ProcessResult.Final>> deliver;
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
        this.params = params;
        this.ring = ring;
        this.metrics = metrics;
        this.forward = forward;
        this.deliver = deliver;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> run(new Processors()), name + "-crypto-" + i);
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

    private void run(Processors processors) {
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
                process(processors, packet);
            } catch (RuntimeException e) {
                // A bug must not kill the worker: the packet is dropped and the cause logged.
                metrics.dropped(DropReason.INVALID_PACKET);
                LOG.log(Level.SEVERE, "unexpected failure processing a packet", e);
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    private void process(Processors processors, byte[] packet) {
        List<SphinxKeyRing.OpenKey> keys = processors.current(ring.openKeys(), params);
        for (int i = 0; i < keys.size(); i++) {
            SphinxKeyRing.OpenKey key = keys.get(i);
            ProcessResult result;
            try {
                result = processors.at(i).process(packet, key.filter());
            } catch (SphinxException e) {
                switch (e.kind()) {
                    case MAC_MISMATCH -> {
                        continue; // not this key's packet: try the next key
                    }
                    case REPLAY -> metrics.dropped(DropReason.REPLAY);
                    default -> {
                        metrics.dropped(DropReason.INVALID_PACKET);
                        LOG.log(Level.FINE, "packet refused: {0}", e.kind());
                    }
                }
                return;
            }
            if (result instanceof ProcessResult.Forward f) {
                forward.accept(new Opened<>(key.epoch(), f));
            } else {
                deliver.accept(new Opened<>(key.epoch(), (ProcessResult.Final) result));
            }
            return;
        }
        metrics.dropped(DropReason.UNKNOWN_KEY);
    }

    /** One worker's processors, one per key of the ring's current list (rebuilt when the ring publishes a new one). */
    private static final class Processors {
        private List<SphinxKeyRing.OpenKey> keys = List.of();
        private SphinxProcessor[] processors = new SphinxProcessor[0];

        List<SphinxKeyRing.OpenKey> current(List<SphinxKeyRing.OpenKey> now, SphinxParams params) {
            if (now != keys) {
                SphinxProcessor[] next = new SphinxProcessor[now.size()];
                for (int i = 0; i < next.length; i++) {
                    next[i] = new SphinxProcessor(params, now.get(i).pair());
                }
                processors = next;
                keys = now;
            }
            return keys;
        }

        SphinxProcessor at(int index) {
            return processors[index];
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
