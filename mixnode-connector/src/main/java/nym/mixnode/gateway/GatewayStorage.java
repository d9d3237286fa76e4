package nym.mixnode.gateway;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's storage executor: a few threads of its own for the blocking file work of registrations and inboxes
 * (each write is forced to the disk), so neither an event loop nor a crypto worker ever waits for the disk. Its queue
 * is bounded; a full queue rejects, and the caller drops and counts.
 */
public final class GatewayStorage implements Executor {

    static final int THREADS = 2;
    static final int QUEUE = 65_536;

    private final ThreadPoolExecutor pool;

    private GatewayStorage(ThreadPoolExecutor pool) {
        this.pool = pool;
    }

    public static GatewayStorage start(String nodeName) {
        return new GatewayStorage(new ThreadPoolExecutor(
                THREADS,
                THREADS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                new DefaultThreadFactory(nodeName + "-storage", true),
                new ThreadPoolExecutor.AbortPolicy()));
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Finishes what is queued, up to {@code deadline}; what is left then is not stored. */
    public void drainAndStop(Duration deadline) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }
}
