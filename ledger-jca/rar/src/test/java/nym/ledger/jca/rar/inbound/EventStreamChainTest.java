package nym.ledger.jca.rar.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import nym.ledger.comet.LocalChain;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.chain.CuttableProxy;
import nym.ledger.jca.rar.chain.TestChain;
import nym.ledger.jca.rar.rpc.RpcClient;
import nym.ledger.tx.Secp256k1.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream against four real CometBFT validators (each with its own ledger-app): a consumer that keeps its
 * cursor with its effect receives exactly the chain's matching events, in order, once, across a validator killed
 * under it, a dropped websocket, an application and node restarted, the stream restarted, a chain without tx index,
 * a consumer that keeps refusing one event, and a queue that overflows. Each test has its own recipient (its query
 * {@code transfer.recipient = '…'}) and sender, so the tests share the chain without seeing each other's events.
 */
class EventStreamChainTest {

    @TempDir
    static Path root;

    @TempDir
    Path deadLetterDir;

    @TempDir
    Path otherChainRoot;

    private static LocalChain chain;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient websockets = HttpClient.newHttpClient();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startChain() throws Exception {
        chain = TestChain.started(root, 4);
    }

    @AfterAll
    static void stopChain() throws Exception {
        if (chain != null) {
            chain.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        threads.shutdownNow();
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /**
     * A consumer as an MDB with a database: each accepted event and its cursor are recorded together; a refused
     * event records nothing. Every delivery is kept, so a duplicate would show.
     */
    static final class Consumer implements EventStream.Sink {
        final List<EventId> received = new ArrayList<>();
        final Map<EventId, Integer> attempts = new ConcurrentHashMap<>();
        final Set<EventId> refused = ConcurrentHashMap.newKeySet();
        volatile EventId cursor;
        volatile long delayMillis;

        @Override
        public Optional<EventId> lastDelivered() {
            return Optional.ofNullable(cursor);
        }

        @Override
        public void deliver(LedgerEvent event) throws Exception {
            attempts.merge(event.id(), 1, Integer::sum);
            if (refused.contains(event.id())) {
                throw new IllegalStateException("poison " + event.id());
            }
            Thread.sleep(delayMillis);
            synchronized (received) {
                received.add(event.id());
                cursor = event.id();
            }
        }

        List<EventId> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }
    }

    /** One test's transfers: its own sender (dev account) and recipient, so its query matches only them. */
    static final class Transfers {
        final KeyPair from;
        final byte[] to;
        final String query;
        long nonce;

        Transfers(int devAccount, String recipient) {
            this.from = TestChain.dev(devAccount);
            this.to = KeyPair.fromSeed(recipient).address();
            this.query = "transfer.recipient = '0x" + HexFormat.of().formatHex(to) + "'";
        }

        void commit(RpcClient rpc, int n) throws LedgerException {
            for (int i = 0; i < n; i++) {
                rpc.broadcastCommit(TestChain.TX.transfer(from, nonce++, to, 1)).requireOk();
            }
        }

        /** Sends {@code n} transfers without waiting for blocks: they land in one or few blocks together. */
        void burst(RpcClient rpc, int n) throws LedgerException {
            for (int i = 0; i < n; i++) {
                rpc.broadcastSync(TestChain.TX.transfer(from, nonce++, to, 1)).requireOk();
            }
        }

        /** The chain's matching events, from the tx index (not what the stream reads), once it lists them all. */
        List<EventId> onChain(RpcClient rpc) throws Exception {
            return TestChain.indexed(rpc, query, "transfer", (int) nonce);
        }
    }

    private EventStream.Settings settings(String subscriber, Transfers t, int maxDeliveries, int queueCapacity)
            throws LedgerException {
        return new EventStream.Settings(
                subscriber,
                TxQuery.parse(t.query),
                1,
                Set.of("transfer"),
                Duration.ofMillis(100),
                maxDeliveries,
                Duration.ofSeconds(5),
                queueCapacity);
    }

    private EventStream stream(EventStream.Settings s, RpcClient rpc, Consumer consumer) {
        EventStream stream = new EventStream(s, rpc, websockets, new DeadLetters(deadLetterDir), consumer);
        threads.submit(stream);
        closing.add(() -> stream.stop(Duration.ofSeconds(10)));
        return stream;
    }

    private static RpcClient rpcTo(URI... nodes) {
        return new RpcClient(List.of(nodes), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** Waits for {@code expected} and a little more, so a duplicate or an extra event would arrive too. */
    private static void assertDeliveredExactly(List<EventId> expected, Consumer consumer) throws InterruptedException {
        await(() -> consumer.received().size() >= expected.size(), expected.size() + " events");
        Thread.sleep(1000);
        assertEquals(expected, consumer.received());
    }

    @Test
    void stream_backfillThenLive_matchingEventsOnceInOrder() throws Exception {
        RpcClient rpc = TestChain.rpc(chain, 0);
        Transfers mine = new Transfers(1, "stream-basic");
        Transfers others = new Transfers(2, "stream-basic-other");
        mine.commit(rpc, 3); // before the consumer exists: from startHeight 1
        Consumer consumer = new Consumer();
        stream(settings("basic", mine, 5, 100), TestChain.rpc(chain, 0), consumer);
        others.commit(rpc, 1);
        mine.commit(rpc, 3);
        others.commit(rpc, 1);

        List<EventId> expected = mine.onChain(rpc);
        assertEquals(6, expected.size());
        assertDeliveredExactly(expected, consumer);
    }

    @Test
    void stream_validatorKilledUnderIt_movesToTheNextNodeEveryEventOnce() throws Exception {
        RpcClient rpc = TestChain.rpc(chain, 1);
        Transfers mine = new Transfers(3, "stream-failover");
        Consumer consumer = new Consumer();
        EventStream stream = stream(settings("failover", mine, 5, 100), TestChain.rpc(chain, 0), consumer);
        mine.commit(rpc, 2);
        await(() -> consumer.received().size() >= 2, "2 events through validator 1");
        try {
            chain.killNode(0);
            mine.commit(rpc, 3);

            List<EventId> expected = mine.onChain(rpc);
            assertDeliveredExactly(expected, consumer);
            assertTrue(stream.getReconnects() >= 1, "the stream left the killed node");
        } finally {
            chain.startNode(0);
            chain.awaitHeight(0, chain.rpc(1).latestHeight(), Duration.ofSeconds(90));
        }
    }

    @Test
    void stream_websocketDroppedWhileEventsCommitted_gapBackfilledInOrder() throws Exception {
        RpcClient rpc = TestChain.rpc(chain, 0);
        Transfers mine = new Transfers(4, "stream-dropped");
        CuttableProxy proxy = new CuttableProxy(chain.rpcUri(1));
        closing.add(proxy);
        Consumer consumer = new Consumer();
        EventStream stream = stream(settings("dropped", mine, 5, 100), rpcTo(proxy.uri()), consumer);
        mine.commit(rpc, 2);
        await(() -> consumer.received().size() >= 2, "2 events");

        proxy.down(); // the websocket is cut; the events below are never sent on it
        mine.commit(rpc, 3);
        Thread.sleep(500);
        proxy.up();
        mine.commit(rpc, 1);

        assertDeliveredExactly(mine.onChain(rpc), consumer);
        assertTrue(stream.getReconnects() >= 1);
    }

    @Test
    void stream_applicationAndNodeRestartedThenStreamRestarted_resumesAfterConsumerCursor() throws Exception {
        RpcClient rpc = TestChain.rpc(chain, 0);
        Transfers mine = new Transfers(5, "stream-restart");
        Consumer consumer = new Consumer();
        EventStream.Settings s = settings("restart", mine, 5, 100);
        EventStream first = stream(s, rpcTo(chain.rpcUri(2)), consumer);
        mine.commit(rpc, 2);
        await(() -> consumer.received().size() >= 2, "2 events");

        chain.stopValidator(2); // node and its ledger-app: the stream's only node
        mine.commit(rpc, 2);
        chain.startValidator(2);
        mine.commit(rpc, 1);
        await(() -> consumer.received().size() >= 5, "5 events after the restart");

        assertTrue(first.stop(Duration.ofSeconds(10)));
        mine.commit(rpc, 2); // while no stream runs (a redeploy); the consumer's cursor stays where it was
        stream(s, rpcTo(chain.rpcUri(2)), consumer);
        mine.commit(rpc, 1);

        assertDeliveredExactly(mine.onChain(rpc), consumer);
    }

    @Test
    void stream_consumerKeepsRefusingAnEvent_deadLetterAfterMaxDeliveriesLaterEventsDelivered() throws Exception {
        RpcClient rpc = TestChain.rpc(chain, 0);
        Transfers mine = new Transfers(6, "stream-poison");
        mine.commit(rpc, 3);
        List<EventId> all = mine.onChain(rpc);
        EventId poison = all.get(1);
        Consumer consumer = new Consumer();
        consumer.refused.add(poison);
        EventStream.Settings s = settings("poison", mine, 3, 100);
        EventStream stream = stream(s, TestChain.rpc(chain, 0), consumer);

        assertDeliveredExactly(List.of(all.get(0), all.get(2)), consumer);
        assertEquals(3, consumer.attempts.get(poison));
        assertEquals(1, stream.getDeadLetters());
        assertEquals(2, stream.getRedeliveries());
        Path file = new DeadLetters(deadLetterDir).file("poison");
        assertTrue(Files.readString(file).contains("\"id\":\"" + poison + "\""), Files.readString(file));

        // restarted where the consumer's cursor is before the dead letter: it is not offered again
        assertTrue(stream.stop(Duration.ofSeconds(10)));
        Consumer restarted = new Consumer();
        restarted.cursor = all.get(0);
        restarted.refused.add(poison);
        stream(s, TestChain.rpc(chain, 0), restarted);
        mine.commit(rpc, 1);
        assertDeliveredExactly(List.of(all.get(2), mine.onChain(rpc).get(3)), restarted);
        assertEquals(null, restarted.attempts.get(poison));
    }

    @Test
    void stream_queueOverflowsBehindSlowConsumer_socketDroppedAndEventsBackfilled() throws Exception {
        RpcClient rpc = TestChain.rpc(chain, 0);
        Transfers mine = new Transfers(7, "stream-overflow");
        Consumer consumer = new Consumer();
        consumer.delayMillis = 400;
        EventStream stream = stream(settings("overflow", mine, 5, 1), TestChain.rpc(chain, 0), consumer);
        long top = rpc.status().latestBlockHeight();
        await(() -> stream.getLastCompleteHeight() >= top, "the stream caught up and follows its websocket");
        mine.burst(rpc, 10);

        List<EventId> expected = mine.onChain(rpc);
        assertEquals(10, expected.size());
        assertDeliveredExactly(expected, consumer);
        assertTrue(stream.getQueueOverflows() >= 1, "the queue of 1 overflowed; events " + expected);
    }

    @Test
    void stream_chainWithoutTxIndex_eventsFromBlockResults() throws Exception {
        LocalChain unindexed = TestChain.startedWithoutTxIndex(otherChainRoot, 1);
        closing.add(unindexed);
        RpcClient rpc = TestChain.rpc(unindexed, 0);
        Transfers mine = new Transfers(1, "stream-unindexed");
        Consumer consumer = new Consumer();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hashes.add(rpc.broadcastCommit(TestChain.TX.transfer(mine.from, mine.nonce++, mine.to, 1))
                    .requireOk()
                    .hash());
            if (i == 2) {
                stream(settings("unindexed", mine, 5, 100), TestChain.rpc(unindexed, 0), consumer);
            }
        }
        List<EventId> expected = new ArrayList<>();
        for (String h : hashes) {
            expected.add(eventOf(rpc, h));
        }
        LedgerException noIndex = assertThrows(LedgerException.class, () -> rpc.tx(hashes.get(0)));
        assertTrue(noIndex.getMessage().contains("indexing is disabled"), noIndex.getMessage());
        assertDeliveredExactly(expected, consumer);
    }

    /** The transfer event of a committed transaction, found in its block. */
    private static EventId eventOf(RpcClient rpc, String hash) throws LedgerException {
        long top = rpc.status().latestBlockHeight();
        for (long h = top; h >= 1; h--) {
            for (TxRecord t : rpc.blockTxs(h)) {
                if (t.hash().equals(hash)) {
                    return t.result().events().get(0).id();
                }
            }
        }
        throw new AssertionError("tx " + hash + " in no block");
    }
}
