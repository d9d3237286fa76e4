package nym.watcher.interfaces.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.watcher.application.DepositWatcher;
import nym.watcher.domain.WatchCursor;
import nym.watcher.domain.WatcherException;
import nym.watcher.infrastructure.config.WatcherConfiguration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.web3j.protocol.Web3j;

/**
 * Runs this instance's watcher: instance i of the deployment group is authority i ({@code nym.authority.index}),
 * polling the chain with a fixed delay between steps (never two at once). An instance without an authority index or
 * network tree runs none and says so; one whose key or pipe account cannot be read runs none either, and its
 * readiness is down. Only triggers and logs; the work is {@link DepositWatcher}'s.
 */
@Startup
@Singleton
public class WatcherSchedule {

    private static final Logger LOG = Logger.getLogger(WatcherSchedule.class.getName());

    @Inject
    WatcherConfiguration config;

    @Resource(lookup = "jdbc/nym")
    DataSource database;

    @Resource(lookup = "java:app/ledger/ConnectionFactory")
    LedgerConnectionFactory ledger;

    @Resource
    ManagedScheduledExecutorService executor;

    /** {@code nym_watcher_deposits_voted_total}, {@code nym_watcher_next_block} in {@code /metrics?scope=application}. */
    @Inject
    MetricRegistry metrics;

    private Web3j ethereum;
    private volatile DepositWatcher watcher;
    private ScheduledFuture<?> task;
    private String lastProblem;
    private volatile String state = "starting";
    private volatile boolean stopped;

    @PostConstruct
    void start() {
        Optional<String> idle = config.idleReason();
        if (idle.isPresent()) {
            state = "idle: " + idle.get();
            LOG.info(() -> "watcher " + state);
            return;
        }
        try {
            config.verify();
        } catch (WatcherException e) {
            // Nothing is read from the chain and the cursor stays: once repaired, the watcher starts where it was.
            state = "failed: " + e.getMessage();
            stopped = true;
            LOG.severe(() -> "watcher " + state);
            return;
        }
        LOG.info(() -> "watcher of " + config);
        ethereum = config.ethereum();
        long every = config.pollInterval().toMillis();
        task = executor.scheduleWithFixedDelay(this::step, every, every, TimeUnit.MILLISECONDS);
    }

    private void step() {
        try {
            if (watcher == null) {
                watcher = config.assemble(ethereum, ledger, database).orElse(null);
                if (watcher == null) {
                    report(Level.INFO, "watcher waiting for the token's address (ethereum/token.address)");
                    return;
                }
                state = "watching";
                LOG.info(() -> "watcher of authority " + config.authority() + " started at " + watcher.cursor());
                metrics.gauge("nym.watcher.next.block", this::nextBlock);
            }
            int voted = watcher.poll();
            metrics.counter("nym.watcher.deposits.voted").inc(voted);
            if (voted > 0) {
                LOG.fine(() -> "voted for " + voted + " deposits");
            }
            lastProblem = null;
        } catch (WatcherException e) {
            if (e.kind().retried()) {
                report(Level.WARNING, e.getMessage() + " (retrying)");
            } else {
                LOG.log(Level.SEVERE, "watcher stopped: " + e.getMessage(), e);
                state = "stopped: " + e.getMessage();
                stopped = true;
                task.cancel(false);
            }
        } catch (RuntimeException e) {
            report(Level.WARNING, "watcher step failed: " + e + " (retrying)");
        }
    }

    /** {@code starting}, {@code watching}, {@code idle: <why>}, {@code failed: <why>} or {@code stopped: <why>}. */
    @Lock(LockType.READ)
    public String state() {
        return state;
    }

    /**
     * True once a fault that retrying cannot mend stopped the watcher: its configuration (key, pipe account, a token
     * paying another account) or a reorganization deeper than the depth.
     */
    @Lock(LockType.READ)
    public boolean stopped() {
        return stopped;
    }

    /** The first block not yet done, read from the cursor table when scraped; -1 while unknown or unreadable. */
    private long nextBlock() {
        try {
            return watcher.cursor().map(WatchCursor::nextBlock).orElse(-1L);
        } catch (RuntimeException e) {
            return -1L;
        }
    }

    /** Logs a problem once while it lasts, not every poll. */
    private void report(Level level, String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.log(level, problem);
            lastProblem = problem;
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (ethereum != null) {
            ethereum.shutdown();
        }
    }
}
