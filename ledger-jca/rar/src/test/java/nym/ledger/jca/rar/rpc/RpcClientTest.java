package nym.ledger.jca.rar.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.LedgerException.Kind;
import nym.ledger.jca.TxRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transport, failover and timeouts against local stub nodes that answer with the captured CometBFT answers. */
class RpcClientTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
    }

    /** A stub node answering every POST with {@code body} and HTTP {@code status}; counts requests. */
    private URI node(int status, String body, AtomicInteger hits) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.setExecutor(Executors.newCachedThreadPool());
        s.start();
        servers.add(s);
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/");
    }

    /** A stub node that accepts requests and never answers (until the test ends). */
    private URI hangingNode() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        s.setExecutor(Executors.newCachedThreadPool());
        s.start();
        servers.add(s);
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/");
    }

    /** A local port nothing listens on. */
    private static URI deadNode() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
    }

    // Answers of the shape CometBFT v0.38 sends (AnswersChainTest reads real ones); the transport is what is tested.
    private static final String BROADCAST_SYNC = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"code\":0,\"data\":\"\","
            + "\"log\":\"\",\"codespace\":\"\",\"hash\":"
            + "\"57018296EE0919C9D351F2FFEA82A8D28DE223724D79965FC8D00A7477ED48BC\"}}";
    private static final String STATUS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"node_info\":{\"id\":\"a\","
            + "\"network\":\"nym-test\",\"version\":\"0.38.26\"},\"sync_info\":{\"latest_block_height\":\"7\","
            + "\"earliest_block_height\":\"1\",\"catching_up\":false}}}";
    private static final String MALFORMED_QUERY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,"
            + "\"message\":\"Internal error\",\"data\":\"failed to parse query: unexpected end\"}}";

    private static RpcClient client(Duration timeout, URI... nodes) {
        return new RpcClient(List.of(nodes), Duration.ofSeconds(1), timeout, timeout);
    }

    @Test
    void broadcastSync_firstNodeDown_answerFromSecond() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        URI good = node(200, BROADCAST_SYNC, hits);

        var r = client(Duration.ofSeconds(5), deadNode(), good).broadcastSync(new byte[] {1, 2});

        assertEquals("57018296EE0919C9D351F2FFEA82A8D28DE223724D79965FC8D00A7477ED48BC", r.hash());
        assertEquals(1, hits.get());
    }

    @Test
    void call_afterFailover_staysOnTheNodeThatAnswered() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        URI bad = node(502, "<html>bad gateway</html>", first);
        URI good = node(200, STATUS, second);
        RpcClient c = client(Duration.ofSeconds(5), bad, good);

        c.status();
        c.status();

        assertEquals(1, first.get());
        assertEquals(2, second.get());
    }

    @Test
    void status_everyNodeDown_unavailable() throws Exception {
        LedgerException e = assertThrows(
                LedgerException.class,
                () -> client(Duration.ofSeconds(5), deadNode(), deadNode()).status());

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void status_nodeHangs_timeoutWithinConfiguredTime() throws Exception {
        RpcClient c = client(Duration.ofMillis(700), hangingNode());
        long start = System.nanoTime();

        LedgerException e = assertThrows(LedgerException.class, c::status);

        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(ms >= 650 && ms < 3000, "took " + ms + " ms");
    }

    @Test
    void status_firstNodeHangs_deadlineCoversAllNodes() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        RpcClient c = client(Duration.ofMillis(700), hangingNode(), node(200, STATUS, hits));
        long start = System.nanoTime();

        LedgerException e = assertThrows(LedgerException.class, c::status);

        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(ms < 3000, "took " + ms + " ms");
    }

    @Test
    void call_jsonRpcError_rpcErrorWithoutFailover() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        RpcClient c = client(Duration.ofSeconds(5), node(500, MALFORMED_QUERY, first), node(200, STATUS, second));

        LedgerException e = assertThrows(LedgerException.class, c::status);

        assertEquals(Kind.RPC_ERROR, e.kind());
        assertTrue(e.getMessage().contains("failed to parse query"), e.getMessage());
        assertEquals(0, second.get(), "an error answer is the ledger's answer, not a reason to fail over");
    }

    @Test
    void call_garbageAnswer_malformedResponse() throws Exception {
        LedgerException e = assertThrows(
                LedgerException.class,
                () -> client(Duration.ofSeconds(5), node(200, "not json", new AtomicInteger()))
                        .status());

        assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    void tx_unknownHash_empty() throws Exception {
        String notFound = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\","
                + "\"data\":\"tx (AB) not found\"}}";
        Optional<TxRecord> r = client(Duration.ofSeconds(5), node(500, notFound, new AtomicInteger()))
                .tx("AB".repeat(32));

        assertTrue(r.isEmpty());
    }

    @Test
    void broadcastCommit_nodeTimedOutWaitingForBlock_notCommitted() throws Exception {
        String timedOut = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\","
                + "\"data\":\"timed out waiting for tx to be included in a block\"}}";

        LedgerException e = assertThrows(
                LedgerException.class,
                () -> client(Duration.ofSeconds(5), node(500, timedOut, new AtomicInteger()))
                        .broadcastCommit(new byte[] {1}));

        assertEquals(Kind.NOT_COMMITTED, e.kind());
    }

    @Test
    void parseNodes_list_normalised() throws Exception {
        assertEquals(
                List.of(URI.create("http://127.0.0.1:1/"), URI.create("http://h:2/x/")),
                RpcClient.parseNodes(" tcp://127.0.0.1:1, http://h:2/x "));
        assertEquals(
                Kind.CONFIGURATION,
                assertThrows(LedgerException.class, () -> RpcClient.parseNodes(" "))
                        .kind());
        assertEquals(
                Kind.CONFIGURATION,
                assertThrows(LedgerException.class, () -> RpcClient.parseNodes("ftp://x"))
                        .kind());
        assertEquals(URI.create("ws://127.0.0.1:5/websocket"), RpcClient.websocket(URI.create("http://127.0.0.1:5/")));
    }
}
