package nym.client.traffic;

import java.util.PriorityQueue;

/**
 * A {@link StreamScheduler} on a virtual clock: {@link #runFor} runs the due tasks in time order, moving the clock to
 * each task's time, so a stream's timing is exactly what it asked for, however busy the machine. One thread only.
 */
final class VirtualScheduler implements StreamScheduler {

    private record Task(long dueNanos, long order, Runnable action, boolean[] cancelled) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable action, long delayNanos) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + delayNanos, scheduled++, action, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task due within the next {@code nanos}, then leaves the clock at the end of that time. */
    void runFor(long nanos) {
        long end = now + nanos;
        while (!tasks.isEmpty() && tasks.peek().dueNanos() <= end) {
            Task task = tasks.poll();
            now = task.dueNanos();
            if (!task.cancelled()[0]) {
                task.action().run();
            }
        }
        now = end;
    }
}
