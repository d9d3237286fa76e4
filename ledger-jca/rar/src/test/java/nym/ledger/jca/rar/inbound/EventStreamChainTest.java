package nym.ledger.jca.rar.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import nym.ledger.devnet.Devnet;
import nym.ledger.devnet.GenesisDoc;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.rpc.RpcClient;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream against a real devnet in this JVM: live events, a devnet stopped and restarted mid-stream, the
 * stream itself stopped and started again from its cursor (what a redeploy does), a consumer that fails once.
 */
class EventStreamDevnetTest {

    private static final TxBuilder TX = new TxBuilder("nym-devnet");

    @TempDir
    Path home;

    @TempDir
    Path cursors;

    @TempDir
    Path otherHome;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient websockets = HttpClient.newHttpClient();
    private final List<EventId> delivered = new ArrayList<>();
    private Devnet devnet;
    private int rpcPort;
    private long nonce;

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        if (devnet != null) {
            devnet.close();
        }
    }

    private void startDevnet() {
        startDevnet(home);
    }

    private void startDevnet(Path data) {
        String rpc = "tcp://127.0.0.1:" + rpcPort;
        devnet = Devnet.start(Devnet.defaults(data).with(rpc, "tcp://127.0.0.1:0", Duration.ofMillis(100)));
        rpcPort = devnet.rpcAddress().getPort();
    }

    private RpcClient rpc() {
        return new RpcClient(
                List.of(URI.create("http://127.0.0.1:" + rpcPort + "/")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30));
    }

    private EventStream stream(EventStream.Sink sink) {
        return stream(rpc(), sink);
    }

    private EventStream stream(RpcClient client, EventStream.Sink sink) {
        EventStream.Settings s = new EventStream.Settings(
                "test-consumer",
                "transfer.amount EXISTS",
                1,
                Set.of(),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                7);
        EventStream stream = new EventStream(s, client, websockets, new CursorStore(cursors), sink);
        threads.submit(stream);
        return stream;
    }

    private void recording(LedgerEvent e) {
        synchronized (delivered) {
            delivered.add(e.id());
        }
    }

    /** Commits {@code n} transfers from dev account 1 (each a transfer event), one by one. */
    private void transfers(int n) throws LedgerException {
        KeyPair from = GenesisDoc.devAccount(1);
        KeyPair to = GenesisDoc.devAccount(2);
        for (int i = 0; i < n; i++) {
            var r = rpc().broadcastCommit(TX.transfer(from, nonce++, to.address(), 1));
            assertTrue(r.ok(), r.toString());
        }
    }

    /** Every transfer event on the chain, in chain order, read independently of the stream. */
    private List<EventId> onChain() throws LedgerException {
        List<EventId> ids = new ArrayList<>();
        RpcClient c = rpc();
        for (int page = 1; ; page++) {
            RpcClient.TxPage p = c.txSearch("transfer.amount EXISTS", page, 100);
            for (TxRecord t : p.txs()) {
                t.result().events().stream()
                        .filter(e -> e.type().equals("transfer"))
                        .forEach(e -> ids.add(e.id()));
            }
            if (page * 100L >= p.totalCount()) {
                return ids;
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    private List<EventId> deliveredCopy() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    @Test
    void stream_devnetRestartedAndStreamRestarted_everyEventOnceInOrder() throws Exception {
        startDevnet();
        transfers(3); // before the consumer exists: backfill from startHeight 1
        EventStream first = stream(this::recording);
        transfers(4);
        await(() -> deliveredCopy().size() >= 7, "7 events");

        devnet.close(); // node down mid-stream
        Thread.sleep(700);
        startDevnet();
        transfers(4);
        await(() -> deliveredCopy().size() >= 11, "11 events after the devnet restart");

        assertTrue(first.stop(Duration.ofSeconds(10)), "stream stopped");
        transfers(3); // while no consumer runs (a redeploy)
        stream(this::recording);
        transfers(2);
        List<EventId> expected = onChain();
        assertEquals(16, expected.size());
        await(() -> deliveredCopy().size() >= expected.size(), expected.size() + " events");
        Thread.sleep(500); // nothing more may come

        assertEquals(expected, deliveredCopy());
    }

    @Test
    void stream_consumerFailsOnce_sameEventOfferedAgainNothingSkipped() throws Exception {
        startDevnet();
        transfers(2);
        boolean[] failed = {false};
        stream(e -> {
            if (!failed[0]) {
                failed[0] = true;
                throw new IllegalStateException("consumer not ready");
            }
            recording(e);
        });
        transfers(1);
        await(() -> deliveredCopy().size() >= 3, "3 events");

        assertEquals(onChain(), deliveredCopy());
    }

    @Test
    void stream_firstNodeDown_eventsThroughTheSecond() throws Exception {
        startDevnet();
        transfers(2);
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        RpcClient failover = new RpcClient(
                List.of(URI.create("http://127.0.0.1:" + dead + "/"), URI.create("http://127.0.0.1:" + rpcPort + "/")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        stream(failover, this::recording);
        transfers(2);
        await(() -> deliveredCopy().size() >= 4, "4 events");

        assertEquals(onChain(), deliveredCopy());
    }

    @Test
    void stream_freshChainBehindOldCursor_startsOverInsteadOfSkipping() throws Exception {
        startDevnet();
        transfers(3);
        EventStream first = stream(this::recording);
        await(() -> deliveredCopy().size() >= 3, "3 events");
        assertTrue(first.stop(Duration.ofSeconds(10)));
        Thread.sleep(1500); // the old chain's cursor ends well above the new chain's first blocks
        devnet.close();
        synchronized (delivered) {
            delivered.clear();
        }

        startDevnet(otherHome); // same chain id, same port, a new chain
        nonce = 0;
        transfers(2);
        stream(this::recording);
        await(() -> deliveredCopy().size() >= 2, "the new chain's 2 events");

        assertEquals(onChain(), deliveredCopy());
    }

    @Test
    void queries_subscribeAndSearch_tmEventAddedOrRemoved() {
        assertEquals(
                "tm.event='Tx' AND redeem.deposit_id EXISTS", EventStream.subscribeQuery("redeem.deposit_id EXISTS"));
        assertEquals("tm.event = 'Tx' AND a.b EXISTS", EventStream.subscribeQuery("tm.event = 'Tx' AND a.b EXISTS"));
        assertEquals(
                "a.b EXISTS AND tx.height >= 3 AND tx.height <= 9",
                EventStream.searchQuery("tm.event = 'Tx' AND a.b EXISTS", 3, 9));
        assertEquals("tx.height >= 1 AND tx.height <= 2", EventStream.searchQuery("tm.event='Tx'", 1, 2));
    }
}
