package nym.client.traffic;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock and timer a {@link PoissonStream} runs on: the client's traffic thread in production, a virtual clock in
 * the statistical tests (so they check the streams' timing without depending on the machine's speed).
 */
public interface StreamScheduler {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now; the returned handle cancels it if it has not run. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Real time, tasks on {@code executor}. */
    static StreamScheduler on(ScheduledExecutorService executor) {
        return new StreamScheduler() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(Runnable task, long delayNanos) {
                ScheduledFuture<?> future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }
}
