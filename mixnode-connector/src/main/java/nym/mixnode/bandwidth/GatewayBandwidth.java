package nym.mixnode.bandwidth;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.ledger.tx.Secp256k1;

/**
 * A gateway's bandwidth: the meter its packet paths charge, and for a metered gateway the spend desk, the redeemer
 * and their files under {@code data/bandwidth/} ({@code balances}, {@code spends/}). {@link #start} starts one thread
 * of its own for the redeemer (every {@link #REDEEM_INTERVAL} and after each accepted spend), the balance flushes and
 * reading {@code /params} until the ledger answers; the spends run on {@link #SPEND_THREADS} threads of their own.
 */
public final class GatewayBandwidth implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GatewayBandwidth.class.getName());
    static final Duration REDEEM_INTERVAL = Duration.ofSeconds(1);
    static final Duration PARAMS_RETRY = Duration.ofSeconds(5);
    static final int SPEND_THREADS = 2;
    static final int SPEND_QUEUE = 1024;

    private final BandwidthSettings settings;
    private final BandwidthMeter meter;
    private final BandwidthBalances balances;
    private final SpendDesk desk;
    private final Redeemer redeemer;
    private final ThreadPoolExecutor spendPool;
    private final ScheduledExecutorService thread;

    private GatewayBandwidth(
            BandwidthSettings settings,
            BandwidthMeter meter,
            BandwidthBalances balances,
            SpendDesk desk,
            Redeemer redeemer,
            ThreadPoolExecutor spendPool,
            ScheduledExecutorService thread) {
        this.settings = settings;
        this.meter = meter;
        this.balances = balances;
        this.desk = desk;
        this.redeemer = redeemer;
        this.spendPool = spendPool;
        this.thread = thread;
    }

    /** A gateway that takes no credentials: everything is free, no thread, no file. */
    public static GatewayBandwidth unmetered(BandwidthSettings settings) {
        return new GatewayBandwidth(settings, BandwidthMeter.UNMETERED, null, null, null, null, null);
    }

    /**
     * A metered gateway's bandwidth whose desk and redeemer are driven by the caller (in process: a test decides
     * spends on its own thread); {@link #start} starts nothing, {@link #close} writes the balances.
     */
    public static GatewayBandwidth metered(BandwidthSettings settings, BandwidthBalances balances, SpendDesk desk) {
        return new GatewayBandwidth(settings, balances, balances, desk, null, null, null);
    }

    /**
     * Opens the files under {@code dir}, credits spends recorded but not credited before a crash, and builds the desk
     * and the redeemer (not started).
     *
     * @param packetCost bytes a packet costs: the network's Sphinx packet size
     * @throws IOException when a file cannot be read or is malformed (the message names it)
     */
    public static GatewayBandwidth open(
            Path dir,
            BandwidthSettings settings,
            GatewayLedger ledger,
            Secp256k1.KeyPair account,
            long packetCost,
            BandwidthCounters counters,
            String name)
            throws IOException {
        SpendStore spends = SpendStore.open(dir.resolve("spends"));
        BandwidthBalances balances = BandwidthBalances.open(dir.resolve("balances"), packetCost);
        creditUncredited(spends, balances);
        ThreadPoolExecutor spendPool = new ThreadPoolExecutor(
                SPEND_THREADS,
                SPEND_THREADS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(SPEND_QUEUE),
                new DefaultThreadFactory(name + "-spends", true));
        ScheduledThreadPoolExecutor thread =
                new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory(name + "-redeemer", true));
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close waits for a running step only
        Redeemer redeemer = new Redeemer(ledger, account, spends, balances, counters, Clock.systemUTC());
        SpendDesk desk = new SpendDesk(
                ledger, account.address(), spends, balances, counters, spendPool, () -> wake(thread, redeemer));
        return new GatewayBandwidth(settings, balances, balances, desk, redeemer, spendPool, thread);
    }

    /** Spends recorded after the balances file's last credit (a crash came between the two) are credited now. */
    static void creditUncredited(SpendStore spends, BandwidthBalances balances) throws IOException {
        for (SpendRecord r : spends.recordedAfter(balances.creditedThrough())) {
            if (r.status() != SpendRecord.Status.TAKEN_BACK) {
                balances.credit(r.clientId(), r.granted(), r.seq());
                LOG.info(() -> "spend " + r.seq() + " credited again after a restart");
            }
        }
    }

    private static void wake(ScheduledExecutorService thread, Redeemer redeemer) {
        try {
            thread.execute(() -> runQuietly(redeemer::pass));
        } catch (RejectedExecutionException closing) {
            // closing: the spend is redeemed after the next start
        }
    }

    /** Starts the redeemer, the flushes and the reading of {@code /params}; nothing for an unmetered gateway. */
    public void start() {
        if (thread == null) {
            return;
        }
        thread.execute(this::readParamsUntilKnown);
        thread.scheduleWithFixedDelay(
                () -> runQuietly(redeemer::pass),
                REDEEM_INTERVAL.toMillis(),
                REDEEM_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        long flush = settings.flushInterval().toMillis();
        thread.scheduleWithFixedDelay(this::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
    }

    private void readParamsUntilKnown() {
        if (desk.readParams()) {
            LOG.info("the ledger's network parameters are read: spends are taken");
            return;
        }
        try {
            thread.schedule(this::readParamsUntilKnown, PARAMS_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closing
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bandwidth task failed", e);
        }
    }

    private void flushQuietly() {
        try {
            balances.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "balances not written (tried again at the next flush)", e);
        }
    }

    public boolean metered() {
        return desk != null;
    }

    public BandwidthMeter meter() {
        return meter;
    }

    /** The spend desk; null on an unmetered gateway. */
    public SpendDesk desk() {
        return desk;
    }

    /** How often an open metered session is told its balance. */
    public Duration reportInterval() {
        return settings.reportInterval();
    }

    /** Stops the threads (a running spend or deposit step finishes first) and writes the balances once more. */
    @Override
    public void close() throws InterruptedException {
        if (balances == null) {
            return;
        }
        if (thread != null) {
            stopThreads();
        }
        flushQuietly();
    }

    private void stopThreads() throws InterruptedException {
        spendPool.shutdown();
        spendPool.awaitTermination(settings.ledgerTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        thread.shutdown();
        thread.awaitTermination(settings.ledgerTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }
}
