package nym.ledger.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devnet's RPC against the shapes of real CometBFT v0.38 answers, and its websocket event delivery. */
class DevnetRpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TxBuilder TX = new TxBuilder("nym-devnet");

    @TempDir
    static Path home;

    static Devnet devnet;
    static RpcClient rpc;
    static long nonce0;

    @BeforeAll
    static void start() {
        devnet = Devnet.start(
                Devnet.defaults(home).with("tcp://127.0.0.1:0", "tcp://127.0.0.1:0", Duration.ofMillis(100)));
        rpc = new RpcClient(devnet.rpcAddress());
    }

    @AfterAll
    static void stop() {
        devnet.close();
    }

    private static synchronized byte[] transfer(int from, KeyPair to, long amount) {
        long n = from == 0 ? nonce0++ : 0;
        return TX.transfer(GenesisDoc.devAccount(from), n, to.address(), amount);
    }

    @Test
    void status_hasFixtureShape() {
        Shapes.assertSameShape(Shapes.fixture("status").get("result"), rpc.result("status", null), Set.of());
    }

    @Test
    void broadcastSyncAsyncCommit_haveFixtureShapes_andTxIsQueryable() {
        KeyPair to = KeyPair.fromSeed("shape-recipient");
        JsonNode sync = rpc.result("broadcast_tx_sync", RpcClient.tx(transfer(0, to, 1)));
        Shapes.assertSameShape(Shapes.fixture("broadcast_tx_sync").get("result"), sync, Set.of());
        assertEquals(0, sync.get("code").asInt(), sync.toString());

        JsonNode async = rpc.result("broadcast_tx_async", RpcClient.tx(transfer(0, to, 2)));
        Shapes.assertSameShape(Shapes.fixture("broadcast_tx_async").get("result"), async, Set.of());

        byte[] committedTx = transfer(0, to, 3);
        JsonNode commit = rpc.result("broadcast_tx_commit", RpcClient.tx(committedTx));
        Shapes.assertSameShape(Shapes.fixture("broadcast_tx_commit").get("result"), commit, Set.of());
        assertEquals(0, commit.get("tx_result").get("code").asInt(), commit.toString());
        assertEquals(
                Hex.upper(Transaction.sha256(committedTx)), commit.get("hash").asText());
        assertEquals(
                "transfer",
                commit.get("tx_result").get("events").get(0).get("type").asText());

        // tx by hash (base64 as JSON-RPC sends []byte, and 0x-hex in a URI)
        ObjectNode p = RpcClient.params();
        p.put("hash", Base64.getEncoder().encodeToString(Transaction.sha256(committedTx)));
        JsonNode tx = rpc.result("tx", p);
        assertEquals(commit.get("height").asText(), tx.get("height").asText());
        Shapes.assertSameShape(
                Shapes.fixture("tx_search_no_prove").get("result").get("txs").get(0), tx, Set.of());
        JsonNode viaGet = rpc.get("/tx?hash=0x" + Hex.lower(Transaction.sha256(committedTx)));
        assertEquals(tx, viaGet.get("result"));

        // block and block_results of that height
        ObjectNode hp = RpcClient.params();
        hp.put("height", commit.get("height").asText());
        JsonNode block = rpc.result("block", hp);
        Shapes.assertSameShape(Shapes.fixture("block_at_height_10").get("result"), block, Set.of());
        assertTrue(block.get("block")
                .get("data")
                .get("txs")
                .toString()
                .contains(Base64.getEncoder().encodeToString(committedTx)));
        JsonNode results = rpc.result("block_results", hp);
        assertEquals(commit.get("height").asText(), results.get("height").asText());
        assertTrue(results.get("txs_results").isArray());
        Shapes.assertSameShape(
                Shapes.fixture("tx_search_no_prove")
                        .get("result")
                        .get("txs")
                        .get(0)
                        .get("tx_result"),
                results.get("txs_results").get(0),
                Set.of());
        assertTrue(results.get("app_hash").isTextual());

        // a refused tx: non-zero code, clear log, nothing in the mempool
        JsonNode refused = rpc.result(
                "broadcast_tx_sync", RpcClient.tx(TX.transfer(GenesisDoc.devAccount(0), 999, to.address(), 1)));
        assertEquals(
                nym.ledger.LedgerException.Kind.WRONG_NONCE.code(),
                refused.get("code").asInt());
        assertTrue(refused.get("log").asText().contains("WRONG_NONCE"));
        // a duplicate: the JSON-RPC error CometBFT gives
        JsonNode dup = rpc.call("broadcast_tx_sync", RpcClient.tx(committedTx));
        assertEquals(-32603, dup.get("error").get("code").asInt());
        assertEquals("tx already exists in cache", dup.get("error").get("data").asText());
    }

    @Test
    void blockAtHeightOne_andEmptyBlockResults_haveFixtureShapes() throws Exception {
        for (int i = 0; i < 100 && devnet.node().chain().height() < 1; i++) {
            Thread.sleep(50);
        }
        ObjectNode h1 = RpcClient.params();
        h1.put("height", "1");
        Shapes.assertSameShape(Shapes.fixture("block_at_height_1").get("result"), rpc.result("block", h1), Set.of());
        long empty = 0;
        for (int i = 0; i < 200 && empty == 0; i++) { // an empty block (other tests may fill some)
            for (long h = 1; h <= devnet.node().chain().height() && empty == 0; h++) {
                if (devnet.node().chain().block(h).getTxsCount() == 0) {
                    empty = h;
                }
            }
            Thread.sleep(20);
        }
        ObjectNode he = RpcClient.params();
        he.put("height", Long.toString(empty));
        JsonNode br = rpc.result("block_results", he);
        JsonNode expected = Shapes.fixture("block_results_at_height_10").get("result");
        Shapes.assertSameShape(expected, br, Set.of());
        assertTrue(br.get("txs_results").isNull(), "empty block: txs_results is null as in v0.38");
        assertTrue(br.get("finalize_block_events").isNull());
        ObjectNode far = RpcClient.params();
        far.put("height", "100000000");
        JsonNode err = rpc.call("block", far);
        assertEquals(-32603, err.get("error").get("code").asInt());
        assertEquals("Internal error", err.get("error").get("message").asText());
    }

    @Test
    void abciQueryAndInfo_haveFixtureShapes() {
        ObjectNode q = RpcClient.params();
        q.put("path", "/balance");
        q.put("data", Hex.lower(GenesisDoc.devAccount(5).address()));
        JsonNode found = rpc.result("abci_query", q);
        Shapes.assertSameShape(Shapes.fixture("abci_query_with_existing_key").get("result"), found, Set.of());
        String value = new String(
                Base64.getDecoder().decode(found.get("response").get("value").asText()));
        assertTrue(value.contains("\"balance\":\"1000000000\""), value);

        ObjectNode missing = RpcClient.params();
        missing.put("path", "/deposit");
        missing.put("data", Hex.lower(new byte[32]));
        JsonNode none = rpc.result("abci_query", missing);
        Shapes.assertSameShape(
                Shapes.fixture("abci_query_with_non_existent_key").get("result"), none, Set.of());
        assertTrue(none.get("response").get("value").isNull());
        assertEquals("does not exist", none.get("response").get("log").asText());

        Shapes.assertSameShape(Shapes.fixture("abci_info").get("result"), rpc.result("abci_info", null), Set.of());
    }

    @Test
    void txSearch_byAttribute_findsTxsWithFixtureShape() {
        KeyPair to = KeyPair.fromSeed("search-recipient");
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] t = TX.transfer(GenesisDoc.devAccount(10 + i), 0, to.address(), 7);
            hashes.add(Hex.upper(Transaction.sha256(t)));
            rpc.result("broadcast_tx_commit", RpcClient.tx(t));
        }
        ObjectNode p = RpcClient.params();
        p.put("query", "transfer.recipient='" + Hex.prefixed(to.address()) + "'");
        p.put("prove", false);
        p.put("page", "1");
        p.put("per_page", "10");
        p.put("order_by", "asc");
        JsonNode r = rpc.result("tx_search", p);
        Shapes.assertSameShape(Shapes.fixture("tx_search_no_prove").get("result"), r, Set.of());
        assertEquals("3", r.get("total_count").asText());
        for (int i = 0; i < 3; i++) {
            assertEquals(hashes.get(i), r.get("txs").get(i).get("hash").asText());
        }
        p.put("prove", true);
        JsonNode proved = rpc.result("tx_search", p);
        Shapes.assertSameShape(Shapes.fixture("tx_search_with_prove").get("result"), proved, Set.of());
        p.put("per_page", "2");
        p.put("page", "2");
        p.put("order_by", "desc");
        JsonNode page2 = rpc.result("tx_search", p);
        assertEquals(1, page2.get("txs").size());
        assertEquals(hashes.get(0), page2.get("txs").get(0).get("hash").asText());
    }

    @Test
    void websocket_subscriberReceivesEveryMatchingEvent_andOnlyThose() throws Exception {
        KeyPair watched = KeyPair.fromSeed("ws-watched");
        KeyPair other = KeyPair.fromSeed("ws-other");
        LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + devnet.rpcAddress().getPort() + "/websocket"),
                        new Collector(inbox))
                .get(10, TimeUnit.SECONDS);
        try {
            String query = "tm.event='Tx' AND transfer.recipient='" + Hex.prefixed(watched.address()) + "'";
            ws.sendText(
                            "{\"jsonrpc\":\"2.0\",\"id\":\"sub-tx\",\"method\":\"subscribe\",\"params\":{\"query\":\""
                                    + query + "\"}}",
                            true)
                    .get(5, TimeUnit.SECONDS);
            JsonNode ack = inbox.poll(10, TimeUnit.SECONDS);
            assertEquals("sub-tx", ack.get("id").asText());
            assertEquals(0, ack.get("result").size());
            // subscribing twice to the same query is refused and keeps the first subscription
            ws.sendText(
                            "{\"jsonrpc\":\"2.0\",\"id\":\"sub-again\",\"method\":\"subscribe\",\"params\":{\"query\":\""
                                    + query + "\"}}",
                            true)
                    .get(5, TimeUnit.SECONDS);
            JsonNode again = inbox.poll(10, TimeUnit.SECONDS);
            assertEquals("already subscribed", again.get("error").get("data").asText());
            ws.sendText(
                            "{\"jsonrpc\":\"2.0\",\"id\":\"bad-q\",\"method\":\"subscribe\",\"params\":{\"query\":\"malformed query\"}}",
                            true)
                    .get(5, TimeUnit.SECONDS);
            JsonNode bad = inbox.poll(10, TimeUnit.SECONDS);
            Shapes.assertSameShape(Shapes.fixture("subscribe_malformed"), bad, Set.of());
            assertTrue(bad.get("error").get("data").asText().startsWith("failed to parse query: offset 10"));

            Set<String> expected = new HashSet<>();
            List<CompletableFuture<JsonNode>> sends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean match = i % 3 != 0;
                byte[] t = TX.transfer(
                        GenesisDoc.devAccount(20 + i), 0, match ? watched.address() : other.address(), 1 + i);
                if (match) {
                    expected.add(Hex.upper(Transaction.sha256(t)));
                }
                sends.add(CompletableFuture.supplyAsync(() -> rpc.result("broadcast_tx_sync", RpcClient.tx(t))));
            }
            sends.forEach(f -> assertEquals(0, f.join().get("code").asInt()));
            Set<String> got = new HashSet<>();
            JsonNode txShape = Shapes.fixture("subscribe_txs_0");
            while (got.size() < expected.size()) {
                JsonNode ev = inbox.poll(15, TimeUnit.SECONDS);
                assertTrue(ev != null, "missing events: got " + got.size() + " of " + expected.size());
                assertEquals("sub-tx", ev.get("id").asText());
                Shapes.assertSameShape(
                        txShape,
                        ev,
                        Set.of("$.result.events"),
                        java.util.Map.of(
                                "$.result.data.value.TxResult", Set.of("index"),
                                "$.result.data.value.TxResult.result",
                                        Set.of("code", "data", "log", "info", "gas_wanted", "gas_used", "codespace")));
                assertEquals(query, ev.get("result").get("query").asText());
                String hash =
                        ev.get("result").get("events").get("tx.hash").get(0).asText();
                assertTrue(expected.contains(hash), "unexpected event for " + hash);
                assertTrue(got.add(hash), "duplicate event for " + hash);
            }
            assertEquals(expected, got);

            // NewBlock subscription on the same socket, then unsubscribe
            ws.sendText(
                            "{\"jsonrpc\":\"2.0\",\"id\":\"sub-nb\",\"method\":\"subscribe\",\"params\":{\"query\":"
                                    + "\"tm.event = 'NewBlock'\"}}",
                            true)
                    .get(5, TimeUnit.SECONDS);
            JsonNode nbAck = inbox.poll(10, TimeUnit.SECONDS);
            assertEquals("sub-nb", nbAck.get("id").asText());
            JsonNode nb;
            do {
                nb = inbox.poll(10, TimeUnit.SECONDS);
            } while (nb != null && !"sub-nb".equals(nb.get("id").asText()));
            assertTrue(nb != null, "no NewBlock event");
            JsonNode nbShape = Shapes.fixture("subscribe_newblock_0");
            if (nb.get("result")
                            .get("data")
                            .get("value")
                            .get("block")
                            .get("data")
                            .get("txs")
                            .size()
                    == 0) {
                Shapes.assertSameShape(nbShape, nb, Set.of("$.result.events"));
            }
            ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"un\",\"method\":\"unsubscribe_all\",\"params\":{}}", true)
                    .get(5, TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
        assertFalse(devnet.node().mempoolSize() > 40);
    }

    @Test
    void commitConsensusParamsNetInfoGenesis_haveFixtureShapes() throws InterruptedException {
        for (int i = 0; i < 100 && devnet.node().chain().height() < 3; i++) {
            Thread.sleep(50);
        }
        ObjectNode h = RpcClient.params();
        h.put("height", "2");
        JsonNode commit = rpc.result("commit", h);
        Shapes.assertSameShape(Shapes.fixture("commit_at_height_10").get("result"), commit, Set.of());
        assertTrue(commit.get("canonical").asBoolean());
        // the canonical commit is the one the next block carries
        ObjectNode h3 = RpcClient.params();
        h3.put("height", "3");
        assertEquals(
                rpc.result("block", h3)
                        .get("block")
                        .get("last_commit")
                        .get("signatures")
                        .get(0)
                        .get("signature"),
                commit.get("signed_header")
                        .get("commit")
                        .get("signatures")
                        .get(0)
                        .get("signature"));
        Shapes.assertSameShape(
                Shapes.fixture("consensus_params").get("result"), rpc.result("consensus_params", h), Set.of());
        Shapes.assertSameShape(Shapes.fixture("net_info").get("result"), rpc.result("net_info", null), Set.of());
        JsonNode genesis = rpc.result("genesis", null);
        Shapes.assertSameShape(
                Shapes.fixture("genesis").get("result"),
                genesis,
                Set.of(),
                java.util.Map.of("$.genesis", Set.of("app_state")));
        assertEquals(3, genesis.get("genesis").get("app_state").get("watchers").size());
    }

    @Test
    void unknownMethod_andBadParams_getJsonRpcErrors() {
        JsonNode r = rpc.call("no_such_method", null);
        assertEquals(-32601, r.get("error").get("code").asInt());
        ObjectNode p = RpcClient.params();
        p.put("tx", "!!!not base64");
        assertEquals(
                -32602,
                rpc.call("broadcast_tx_sync", p).get("error").get("code").asInt());
        // positional params, as some clients send them
        JsonNode viaArray = rpc.callRaw("{\"jsonrpc\":\"2.0\",\"id\":\"arr\",\"method\":\"block\",\"params\":[\"1\"]}");
        assertEquals(
                "1",
                viaArray.get("result").get("block").get("header").get("height").asText());
        JsonNode health = rpc.get("/health");
        assertTrue(health.get("result").isObject());
    }

    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> inbox;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<JsonNode> inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
