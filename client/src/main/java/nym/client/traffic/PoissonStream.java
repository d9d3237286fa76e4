package nym.client.traffic;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import nym.sphinx.Routes;

/**
 * Runs an action at the event times of a Poisson process of rate λ: the gaps are independent exponential draws of mean
 * 1/λ. Due times are kept absolute (each gap is added to the previous due time, not to when the action finished), so
 * the long-run rate is λ however long the action takes; when the scheduler falls more than {@link #MAX_LAG} behind,
 * the schedule restarts from now instead of bursting to catch up. A rate of 0 never fires. Each stream should have a
 * random generator of its own, so that streams are independent processes.
 */
public final class PoissonStream {

    static final Duration MAX_LAG = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(PoissonStream.class.getName());

    private final String name;
    private final double rate;
    private final RandomGenerator random;
    private final Runnable action;
    private final AtomicLong fired = new AtomicLong();
    private StreamScheduler scheduler;
    private StreamScheduler.Cancellable next;
    private long dueNanos;
    private boolean stopped;

    /**
     * @param rate events per second, ≥ 0
     * @param action runs on the scheduler's thread; an exception is logged and the stream goes on
     */
    public PoissonStream(String name, double rate, RandomGenerator random, Runnable action) {
        if (!(rate >= 0.0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0");
        }
        this.name = name;
        this.rate = rate;
        this.random = random;
        this.action = action;
    }

    public synchronized void start(StreamScheduler scheduler) {
        if (rate == 0.0 || stopped) {
            return;
        }
        this.scheduler = scheduler;
        dueNanos = scheduler.nanoTime();
        scheduleNext();
    }

    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    /** How often the action has run. */
    public long fired() {
        return fired.get();
    }

    public double rate() {
        return rate;
    }

    /** The next gap: exponential with mean 1/λ, nanosecond resolution. */
    long nextGapNanos() {
        return Routes.exponentialDelayNanos(Duration.ofNanos(Math.round(1e9 / rate)), random);
    }

    private void scheduleNext() {
        long now = scheduler.nanoTime();
        if (now - dueNanos > MAX_LAG.toNanos()) {
            dueNanos = now;
        }
        dueNanos += nextGapNanos();
        next = scheduler.schedule(this::fire, Math.max(0, dueNanos - now));
    }

    private void fire() {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " stream: " + e.getMessage(), e);
        }
        fired.incrementAndGet();
        synchronized (this) {
            if (!stopped) {
                scheduleNext();
            }
        }
    }
}
