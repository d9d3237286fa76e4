package nym.ledger.jca.rar.inbound;

import jakarta.resource.spi.work.Work;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.rpc.RpcClient;

/**
 * Gap-free, in-order delivery of the events of transactions matching a query, to one consumer, one event at a time.
 *
 * <p>Each round: subscribe on the websocket first, then read the node's latest height {@code top}, then backfill
 * with {@code tx_search} every matching transaction from the cursor's height up to {@code top}, then deliver what
 * the subscription queued and keeps sending. Anything committed after the subscription started arrives through
 * it; anything before {@code top} through the backfill; the overlap is dropped by comparing with the cursor (the id
 * of the last delivered event). When the websocket ends (node down, node restarted, no message for
 * {@code idleReconnect}) the round ends and the next one starts again from the cursor, so nothing is skipped.
 * The cursor is saved after every delivered event; a failed delivery is retried after {@code retry}, never
 * skipped.
 */
public final class EventStream implements Work {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    /** Where events go (the MDB). An exception means "not delivered": the same event is offered again. */
    public interface Sink {
        void deliver(LedgerEvent event) throws Exception;
    }

    /** Settings of one stream. */
    public record Settings(
            String subscriber,
            String query,
            long startHeight,
            Set<String> eventTypes,
            Duration retry,
            Duration idleReconnect,
            int pageSize) {}

    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final Settings settings;
    private final RpcClient rpc;
    private final HttpClient websockets;
    private final CursorStore cursors;
    private final Sink sink;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile Subscription current;
    private EventId cursor;
    private String recordedChain;
    private String chain;

    public EventStream(Settings settings, RpcClient rpc, HttpClient websockets, CursorStore cursors, Sink sink) {
        this.settings = settings;
        this.rpc = rpc;
        this.websockets = websockets;
        this.cursors = cursors;
        this.sink = sink;
    }

    /** The query for the websocket subscription ({@code tm.event='Tx'} added if missing). */
    static String subscribeQuery(String query) {
        return query.matches("(?s).*tm\\.event\\s*=.*") ? query : "tm.event='Tx' AND " + query;
    }

    /** The query for tx_search: without {@code tm.event} (transactions are indexed without it), bounded by height. */
    static String searchQuery(String query, long from, long to) {
        String q = query.replaceAll("(?i)tm\\.event\\s*=\\s*'Tx'\\s*(AND\\s*)?", "")
                .replaceAll("(?i)\\s*AND\\s*$", "")
                .trim();
        String range = "tx.height >= " + from + " AND tx.height <= " + to;
        return q.isEmpty() ? range : q + " AND " + range;
    }

    /** The id of the last event delivered (or skipped by type), if any. */
    public synchronized Optional<EventId> cursor() {
        return Optional.ofNullable(cursor);
    }

    @Override
    public void run() {
        try {
            CursorStore.Cursor saved = cursors.load(settings.subscriber()).orElse(null);
            cursor = saved == null ? null : saved.id();
            recordedChain = saved == null ? null : saved.chain();
            LOG.info(() -> "ledger events for " + settings.subscriber() + ": query [" + settings.query() + "], "
                    + (cursor == null ? "from height " + settings.startHeight() : "after " + cursor) + " (cursors in "
                    + cursors.dir() + ")");
            String failure = null;
            while (!stopped) {
                try (Subscription s =
                        Subscription.open(websockets, rpc.nodes(), subscribeQuery(settings.query()), rpc.timeout())) {
                    current = s;
                    if (stopped) {
                        break;
                    }
                    if (chain == null) {
                        identifyChain();
                    }
                    long top = rpc.status().latestBlockHeight();
                    backfill(top);
                    if (failure != null) {
                        LOG.info("ledger events for " + settings.subscriber() + ": subscribed again at " + s.node()
                                + ", backfilled to height " + top);
                        failure = null;
                    }
                    live(s);
                } catch (LedgerException e) {
                    if (stopped) {
                        break;
                    }
                    if (!e.getMessage().equals(failure)) {
                        LOG.warning("ledger events for " + settings.subscriber() + ": " + e.getMessage()
                                + "; retrying every " + settings.retry().toMillis() + " ms");
                        failure = e.getMessage();
                    }
                    pause();
                } catch (Stopped e) {
                    break;
                } finally {
                    current = null;
                }
            }
        } catch (LedgerException e) {
            LOG.log(Level.SEVERE, "ledger events for " + settings.subscriber() + " stopped: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ledger events for " + settings.subscriber() + " stopped", e);
        } finally {
            finished.countDown();
        }
    }

    /**
     * Learns which chain the node serves; a cursor recorded on another chain (a devnet started afresh, a node of
     * another network) would skip that chain's first events, so it is dropped and delivery starts over from
     * {@code startHeight}, loudly.
     */
    private void identifyChain() throws LedgerException {
        String now = rpc.chainIdentity();
        if (now == null) {
            chain = "";
            return;
        }
        if (cursor != null && recordedChain != null && !recordedChain.isEmpty() && !recordedChain.equals(now)) {
            LOG.severe(
                    "ledger events for " + settings.subscriber() + ": the cursor " + cursor + " was recorded on chain "
                            + recordedChain + " but the node serves " + now + "; starting over from height "
                            + settings.startHeight()
                            + " (ids of the two chains overlap: consumers' records of the old chain must be cleared)");
            synchronized (this) {
                cursor = null;
            }
        }
        chain = now;
    }

    private void backfill(long top) throws LedgerException, Stopped {
        long from = cursor == null ? settings.startHeight() : cursor.height();
        if (from > top) {
            return;
        }
        String q = searchQuery(settings.query(), from, top);
        long total = -1;
        long seen = 0;
        for (int page = 1; total < 0 || seen < total; page++) {
            RpcClient.TxPage p = rpc.txSearch(q, page, settings.pageSize());
            total = p.totalCount();
            if (p.txs().isEmpty()) {
                break;
            }
            for (TxRecord t : p.txs()) {
                deliver(t);
            }
            seen += p.txs().size();
        }
    }

    private void live(Subscription s) throws Stopped, LedgerException {
        long idleSince = System.nanoTime();
        while (!stopped) {
            Object next;
            try {
                next = s.next(Duration.ofMillis(
                        Math.min(1000, settings.idleReconnect().toMillis())));
            } catch (InterruptedException e) {
                throw new Stopped();
            }
            if (next == null) {
                if (System.nanoTime() - idleSince > settings.idleReconnect().toNanos()) {
                    return; // quiet for long: reconnect and backfill, in case the socket died silently
                }
                continue;
            }
            idleSince = System.nanoTime();
            if (next instanceof Subscription.Ended end) {
                if (stopped) {
                    throw new Stopped();
                }
                throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "subscription ended: " + end.reason());
            }
            deliver((TxRecord) next);
        }
    }

    private void deliver(TxRecord t) throws Stopped, LedgerException {
        for (LedgerEvent e : t.result().events()) {
            if (cursor != null && e.id().compareTo(cursor) <= 0) {
                continue;
            }
            if (settings.eventTypes().isEmpty() || settings.eventTypes().contains(e.type())) {
                deliverUntilAccepted(e);
            }
            synchronized (this) {
                cursor = e.id();
            }
            cursors.save(settings.subscriber(), e.id(), chain == null || chain.isEmpty() ? null : chain);
        }
    }

    private void deliverUntilAccepted(LedgerEvent e) throws Stopped {
        while (true) {
            if (stopped) {
                throw new Stopped();
            }
            try {
                sink.deliver(e);
                return;
            } catch (Exception ex) {
                LOG.log(
                        Level.WARNING,
                        "ledger event " + e.id() + " (" + e.type() + ") not accepted by " + settings.subscriber()
                                + "; offering it again in " + settings.retry().toMillis() + " ms",
                        ex);
                try {
                    pause();
                } catch (InterruptedException ie) {
                    throw new Stopped();
                }
            }
        }
    }

    private void pause() throws InterruptedException {
        long end = System.nanoTime() + settings.retry().toNanos();
        while (!stopped && System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
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
}
