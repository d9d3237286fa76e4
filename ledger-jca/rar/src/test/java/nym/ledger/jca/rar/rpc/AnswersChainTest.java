package nym.ledger.jca.rar.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nym.ledger.comet.LocalChain;
import nym.ledger.jca.BroadcastResult;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.NodeStatus;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.chain.TestChain;
import nym.ledger.tx.Secp256k1.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer readers against a real CometBFT v0.38 node driving ledger-app: each answer shape produced for real
 * (broadcast sync and commit, abci_query with and without a value, status, tx, tx_search, block_results of an empty
 * and a non-empty block, a websocket Tx event, a malformed query).
 */
class AnswersChainTest {

    @TempDir
    static Path root;

    private static LocalChain chain;
    private static RpcClient rpc;
    private static long nonce;

    @BeforeAll
    static void start() throws Exception {
        chain = TestChain.started(root, 1);
        rpc = TestChain.rpc(chain, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chain != null) {
            chain.close();
        }
    }

    private static byte[] transfer(String to) {
        return TestChain.TX.transfer(
                TestChain.dev(1), nonce++, KeyPair.fromSeed(to).address(), 3);
    }

    private static JsonObject result(String method, jakarta.json.JsonObjectBuilder params) throws LedgerException {
        return rpc.call(method, params, Duration.ofSeconds(30));
    }

    /** The committed transaction by hash, once the node's (asynchronous) indexer has it. */
    private static TxRecord awaitTx(String hash) throws Exception {
        for (int i = 0; i < 100; i++) {
            Optional<TxRecord> t = rpc.tx(hash);
            if (t.isPresent()) {
                return t.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tx " + hash + " never indexed");
    }

    @Test
    void broadcastSync_transfer_hashIsSha256AndCodeZero() throws Exception {
        byte[] tx = transfer("answers-sync");

        BroadcastResult r = rpc.broadcastSync(tx);

        assertEquals(Answers.sha256Hex(tx), r.hash());
        assertEquals(0, r.code());
        assertTrue(r.ok());
    }

    @Test
    void broadcastCommit_transfer_heightAndTransferEventWithId() throws Exception {
        JsonObject answer = result(
                "broadcast_tx_commit",
                Json.createObjectBuilder()
                        .add("tx", java.util.Base64.getEncoder().encodeToString(transfer("answers-commit"))));

        CommitResult r = Answers.commit(answer, 0);

        assertTrue(r.ok(), r.toString());
        assertTrue(r.height() > 0);
        assertTrue(r.checkTx().events().isEmpty());
        LedgerEvent e = r.txResult().events().get(0);
        assertEquals(new EventId(r.height(), 0, 0), e.id());
        assertEquals("transfer", e.type());
        assertEquals("3", e.attribute("amount").orElseThrow());
        assertEquals(r.hash(), e.txHash());
        assertTrue(Answers.commit(answer, -1).txResult().events().isEmpty(), "no index known: no ids, no events");
    }

    @Test
    void broadcastCommit_client_eventsCarryTheirIdsWithoutWaitingForTheTxIndex() throws Exception {
        // The tx index lags the commit; several commits in a row make a lookup that relied on it fail here.
        for (int i = 0; i < 5; i++) {
            CommitResult c = rpc.broadcastCommit(transfer("answers-ids")).requireOk();

            TxRecord inBlock = rpc.blockTxs(c.height()).stream()
                    .filter(t -> t.hash().equals(c.hash()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    new EventId(c.height(), inBlock.index(), 0),
                    c.txResult().events().get(0).id(),
                    c.toString());
        }
    }

    @Test
    void broadcastCommit_refusedTransfer_codeAndLogNoTxResult() throws Exception {
        byte[] stale = TestChain.TX.transfer(
                TestChain.dev(2), 999, KeyPair.fromSeed("x").address(), 1);

        CommitResult r = rpc.broadcastCommit(stale);

        assertFalse(r.ok());
        assertTrue(r.checkTx().code() != 0);
        assertNull(r.txResult());
        assertEquals(0, r.height());
    }

    @Test
    void abciQuery_existingAccount_jsonValue() throws Exception {
        QueryResult q = rpc.query("/account", TestChain.dev(3).address());

        assertTrue(q.ok(), q.log());
        assertTrue(q.height() > 0);
        assertTrue(q.valueAsString().contains("\"balance\""), q.valueAsString());
    }

    @Test
    void abciQuery_unknownDeposit_noValue() throws Exception {
        QueryResult q = rpc.query("/deposit", HexFormat.of().parseHex("00".repeat(32)));

        assertNull(q.value());
    }

    @Test
    void status_node_networkAndHeights() throws Exception {
        NodeStatus s = rpc.status();

        assertEquals(TestChain.CHAIN_ID, s.network());
        assertTrue(s.latestBlockHeight() >= 1);
        assertEquals(1, s.earliestBlockHeight());
        assertFalse(s.catchingUp());
        assertTrue(s.version().startsWith("0.38."), s.version());
    }

    @Test
    void txAndTxSearch_committedTransfers_sameRecordsWithEventIds() throws Exception {
        String to = "answers-search";
        CommitResult first = rpc.broadcastCommit(transfer(to)).requireOk();
        CommitResult second = rpc.broadcastCommit(transfer(to)).requireOk();
        TxRecord byHash = awaitTx(second.hash());

        List<EventId> searched = TestChain.indexed(
                rpc,
                "transfer.recipient = '0x"
                        + HexFormat.of().formatHex(KeyPair.fromSeed(to).address()) + "'",
                "transfer",
                2);

        assertEquals(second.height(), byHash.height());
        assertEquals(
                new EventId(byHash.height(), byHash.index(), 0),
                byHash.result().events().get(0).id());
        assertEquals(
                List.of(
                        awaitTx(first.hash()).result().events().get(0).id(),
                        byHash.result().events().get(0).id()),
                searched);
        assertEquals(Optional.empty(), rpc.tx("00".repeat(32)));
    }

    @Test
    void blockResults_emptyAndNonEmptyBlock_transactionsWithHashesAndEventIds() throws Exception {
        CommitResult c = rpc.broadcastCommit(transfer("answers-block")).requireOk();

        List<TxRecord> txs = rpc.blockTxs(c.height());
        List<TxRecord> none = rpc.blockTxs(1); // the first block never has transactions

        assertEquals(List.of(), none);
        TxRecord t =
                txs.stream().filter(x -> x.hash().equals(c.hash())).findFirst().orElseThrow();
        assertEquals(c.height(), t.height());
        assertEquals(Answers.sha256Hex(t.tx()), t.hash());
        assertEquals(
                new EventId(c.height(), t.index(), 0),
                t.result().events().get(0).id());
        assertEquals(
                c.txResult().events().get(0).attributes(),
                t.result().events().get(0).attributes());
    }

    @Test
    void websocketTxEvent_transfer_sameAsBlockResults() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        StringBuilder partial = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(RpcClient.websocket(chain.rpcUri(0)), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                })
                .get(5, TimeUnit.SECONDS);
        try {
            ws.sendText(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"query\":"
                                    + "\"tm.event='Tx' AND transfer.amount EXISTS\"}}",
                            true)
                    .get(5, TimeUnit.SECONDS);
            assertNotNull(frames.poll(5, TimeUnit.SECONDS), "subscription confirmed");
            BroadcastResult sent = rpc.broadcastSync(transfer("answers-ws")).requireOk();

            JsonObject event = RpcClient.result("subscribe", RpcClient.parseObject(frames.poll(10, TimeUnit.SECONDS)));
            JsonObject txResult =
                    event.getJsonObject("data").getJsonObject("value").getJsonObject("TxResult");
            TxRecord live = Answers.txEvent(txResult, sent.hash());

            TxRecord fromBlock = rpc.blockTxs(live.height()).get(live.index());
            assertEquals(fromBlock.hash(), sent.hash());
            assertEquals(fromBlock.result().events(), live.result().events());
            assertEquals(0, live.result().code());
        } finally {
            ws.abort();
        }
    }

    @Test
    void errorAnswer_malformedQuery_rpcErrorWithReason() {
        LedgerException e = assertThrows(
                LedgerException.class,
                () -> result("tx_search", Json.createObjectBuilder().add("query", "transfer.amount EXISTS AND")));

        assertEquals(LedgerException.Kind.RPC_ERROR, e.kind());
        assertTrue(e.getMessage().contains("-32603") || e.getMessage().contains("-32602"), e.getMessage());
    }

    @Test
    void number_wrongType_malformedResponse() {
        JsonObject o = RpcClient.parse("{\"height\":{\"x\":1}}");

        LedgerException e = assertThrows(LedgerException.class, () -> Answers.number(o, "height"));

        assertEquals(LedgerException.Kind.MALFORMED_RESPONSE, e.kind());
    }
}
