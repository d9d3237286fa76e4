package nym.ledger.jca.rar.inbound;

import jakarta.resource.spi.work.Work;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.rpc.RpcClient;

/**
 * Gap-free, in-order delivery of the events of transactions matching a query, to one consumer, one event at a time,
 * by height.
 *
 * <p>The consumer owns the cursor (the id of the last event it handled, committed with its effect); the stream asks
 * for it when it starts and from then on tracks the last height it has <em>completely</em> delivered. Events are only
 * ever read from {@code block_results}, one height after the other, and filtered here with the query: never from the
 * tx index, which CometBFT fills asynchronously (a Tx event can be on the websocket before {@code tx_search} finds
 * it). The websocket subscription only says which height to read up to: a Tx event at a height above the last
 * complete one makes the stream read every height up to and including it, so a gap (events the socket lost, a
 * dropped or overflowed socket, a node that failed over) is filled before anything after it. Each round: subscribe,
 * read the node's latest height, catch up to it, then follow the subscription; when the socket ends (node down,
 * restarted, queue full, no message for {@code idleReconnect}) the next round starts at the next node.
 *
 * <p>A delivery that fails is offered again after {@code retry}, doubling up to a minute, never skipped for a later
 * event; after {@code maxDeliveries} attempts the event becomes a dead letter (logged, appended to the subscriber's
 * file, counted) and delivery goes on.
 */
public final class EventStream implements Work, EventStreamMXBean {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);

    /** The consumer (the MDB). */
    public interface Sink {
        /** The consumer's cursor. */
        Optional<EventId> lastDelivered() throws Exception;

        /** An exception means "not delivered": the same event is offered again. */
        void deliver(LedgerEvent event) throws Exception;
    }

    /** Settings of one stream. */
    public record Settings(
            String subscriber,
            TxQuery query,
            long startHeight,
            Set<String> eventTypes,
            Duration retry,
            int maxDeliveries,
            Duration idleReconnect,
            int queueCapacity) {}

    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final Settings settings;
    private final RpcClient rpc;
    private final HttpClient websockets;
    private final DeadLetters deadLetters;
    private final Sink sink;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong redeliveries = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private volatile boolean stopped;
    private volatile Subscription current;
    private volatile EventId cursor;
    private volatile long complete;
    private Set<EventId> deadIds;

    public EventStream(Settings settings, RpcClient rpc, HttpClient websockets, DeadLetters deadLetters, Sink sink) {
        this.settings = settings;
        this.rpc = rpc;
        this.websockets = websockets;
        this.deadLetters = deadLetters;
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            resume();
            String failure = null;
            while (!stopped) {
                try (Subscription s = Subscription.open(
                        websockets,
                        rpc.nodes(),
                        settings.query().subscription(),
                        rpc.timeout(),
                        settings.queueCapacity())) {
                    current = s;
                    if (stopped) {
                        break;
                    }
                    long top = rpc.status().latestBlockHeight();
                    warnIfCursorAhead(top);
                    catchUp(top);
                    if (failure != null) {
                        LOG.info("ledger events for " + settings.subscriber() + ": subscribed again at " + s.node()
                                + ", delivered up to height " + top);
                        failure = null;
                    }
                    follow(s);
                } catch (LedgerException e) {
                    if (stopped) {
                        break;
                    }
                    reconnects.incrementAndGet();
                    if (!e.getMessage().equals(failure)) {
                        LOG.warning("ledger events for " + settings.subscriber() + ": " + e.getMessage()
                                + "; catching up from height " + (complete + 1) + " in "
                                + settings.retry().toMillis() + " ms");
                        failure = e.getMessage();
                    }
                    pause(settings.retry());
                } finally {
                    current = null;
                }
            }
        } catch (Stopped e) {
            // released
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ledger events for " + settings.subscriber() + " stopped", e);
        } finally {
            finished.countDown();
        }
    }

    /**
     * Asks the consumer for its cursor (until it answers: its database may not be up yet) and reads the dead letters
     * recorded before. The cursor's own height may hold further events after it, so it is not complete.
     */
    private void resume() throws Stopped, InterruptedException {
        while (true) {
            try {
                deadIds = deadLetters.ids(settings.subscriber());
                cursor = sink.lastDelivered().orElse(null);
                break;
            } catch (Exception e) {
                LOG.log(
                        Level.WARNING,
                        "ledger events for " + settings.subscriber() + ": cannot read the consumer's cursor; asking "
                                + "again in " + settings.retry().toMillis() + " ms",
                        e);
                pause(settings.retry());
            }
        }
        complete = cursor == null ? settings.startHeight() - 1 : cursor.height() - 1;
        LOG.info(() -> "ledger events for " + settings.subscriber() + ": query [" + settings.query() + "], "
                + (cursor == null ? "from height " + settings.startHeight() : "after " + cursor) + " ("
                + deadIds.size() + " dead letters in " + deadLetters.file(settings.subscriber()) + ")");
    }

    /** A cursor above the chain's head: most likely a chain started afresh behind the consumer's records. */
    private void warnIfCursorAhead(long top) {
        EventId c = cursor;
        if (c != null && c.height() > top) {
            LOG.severe("ledger events for " + settings.subscriber() + ": the consumer's cursor " + c
                    + " is above the node's latest height " + top + "; if the chain was started afresh, delete the "
                    + "consumer's cursor (and its records of the old chain), else events up to it are never delivered");
        }
    }

    /** Delivers every height after the last complete one up to {@code height}, from {@code block_results}. */
    private void catchUp(long height) throws LedgerException, Stopped, InterruptedException {
        for (long h = complete + 1; h <= height; h++) {
            for (TxRecord t : rpc.blockTxs(h)) {
                if (settings.query().matches(t.result().events())) {
                    deliver(t);
                }
            }
            complete = h;
        }
    }

    /** Follows the subscription: each Tx event above the last complete height is caught up to. */
    private void follow(Subscription s) throws Stopped, LedgerException, InterruptedException {
        long idleSince = System.nanoTime();
        while (!stopped) {
            Object next = s.next(
                    Duration.ofMillis(Math.min(1000, settings.idleReconnect().toMillis())));
            if (next == null) {
                if (System.nanoTime() - idleSince > settings.idleReconnect().toNanos()) {
                    return; // quiet for long: reconnect and catch up, in case the socket died silently
                }
                continue;
            }
            idleSince = System.nanoTime();
            if (next instanceof Subscription.Ended end) {
                if (stopped) {
                    throw new Stopped();
                }
                if (end.overflow()) {
                    overflows.incrementAndGet();
                }
                throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "subscription ended: " + end.reason());
            }
            long height = ((TxRecord) next).height();
            if (height > complete) {
                catchUp(height);
            }
        }
    }

    private void deliver(TxRecord t) throws Stopped, InterruptedException, LedgerException {
        for (LedgerEvent e : t.result().events()) {
            EventId c = cursor;
            if (c != null && e.id().compareTo(c) <= 0) {
                continue;
            }
            if ((settings.eventTypes().isEmpty() || settings.eventTypes().contains(e.type()))
                    && !deadIds.contains(e.id())) {
                deliverOrDeadLetter(e);
            }
            cursor = e.id();
        }
    }

    private void deliverOrDeadLetter(LedgerEvent e) throws Stopped, InterruptedException, LedgerException {
        Duration wait = settings.retry();
        for (int attempt = 1; ; attempt++) {
            if (stopped) {
                throw new Stopped();
            }
            try {
                sink.deliver(e);
                delivered.incrementAndGet();
                return;
            } catch (Exception ex) {
                if (attempt >= settings.maxDeliveries()) {
                    deadLetters.record(settings.subscriber(), e, attempt, ex);
                    deadIds.add(e.id());
                    deadLettered.incrementAndGet();
                    LOG.log(
                            Level.SEVERE,
                            "ledger event " + e.id() + " (" + e.type() + ", tx " + e.txHash() + ") refused " + attempt
                                    + " times by " + settings.subscriber() + ": dead letter in "
                                    + deadLetters.file(settings.subscriber()) + "; delivery goes on",
                            ex);
                    return;
                }
                redeliveries.incrementAndGet();
                LOG.log(
                        Level.WARNING,
                        "ledger event " + e.id() + " (" + e.type() + ") not accepted by " + settings.subscriber()
                                + " (attempt " + attempt + " of " + settings.maxDeliveries()
                                + "); offering it again in "
                                + wait.toMillis() + " ms",
                        ex);
                pause(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private void pause(Duration d) throws Stopped, InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (!stopped && System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
        }
        if (stopped) {
            throw new Stopped();
        }
    }

    /** Asks the stream to stop after the event being delivered, and waits up to {@code wait} for it. */
    public boolean stop(Duration wait) throws InterruptedException {
        release();
        return finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void release() {
        stopped = true;
        Subscription s = current;
        if (s != null) {
            s.close();
        }
    }

    // ---------------------------------------------------------------- what operators see (EventStreamMXBean)

    @Override
    public String getSubscriber() {
        return settings.subscriber();
    }

    @Override
    public String getLastDelivered() {
        EventId c = cursor;
        return c == null ? "" : c.toString();
    }

    @Override
    public long getLastCompleteHeight() {
        return complete;
    }

    @Override
    public long getDelivered() {
        return delivered.get();
    }

    @Override
    public long getDeadLetters() {
        return deadLettered.get();
    }

    @Override
    public long getRedeliveries() {
        return redeliveries.get();
    }

    @Override
    public long getReconnects() {
        return reconnects.get();
    }

    @Override
    public long getQueueOverflows() {
        return overflows.get();
    }
}
