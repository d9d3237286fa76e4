package nym.ledger.jca.rar.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nym.ledger.jca.BroadcastResult;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.NodeStatus;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxRecord;
import org.junit.jupiter.api.Test;

/** The answer readers against real CometBFT v0.38 captures. */
class AnswersFixtureTest {

    private static JsonObject result(String fixture) throws Exception {
        return RpcClient.result("test", Fixtures.answer(fixture));
    }

    @Test
    void broadcastSync_capturedAnswer_hashAndCodeZero() throws Exception {
        BroadcastResult r = Answers.broadcast(result("broadcast_tx_sync"));

        assertEquals("57018296EE0919C9D351F2FFEA82A8D28DE223724D79965FC8D00A7477ED48BC", r.hash());
        assertEquals(0, r.code());
        assertTrue(r.ok());
        assertEquals("", r.log());
    }

    @Test
    void broadcastCommit_capturedAnswer_heightAndEventsWithIdsAtGivenIndex() throws Exception {
        CommitResult r = Answers.commit(result("broadcast_tx_commit"), 3);

        assertEquals(227, r.height());
        assertTrue(r.ok());
        assertTrue(r.checkTx().events().isEmpty());
        List<LedgerEvent> events = r.txResult().events();
        assertEquals(2, events.size());
        assertEquals(new EventId(227, 3, 0), events.get(0).id());
        assertEquals(new EventId(227, 3, 1), events.get(1).id());
        assertEquals("app", events.get(0).type());
        assertEquals("commit-key", events.get(0).attribute("key").orElseThrow());
        assertFalse(events.get(0).attributes().get(3).index(), "noindex_key is not indexed");
        assertEquals(r.hash(), events.get(0).txHash());
    }

    @Test
    void broadcastCommit_indexUnknown_outcomeWithoutEvents() throws Exception {
        CommitResult r = Answers.commit(result("broadcast_tx_commit"), -1);

        assertTrue(r.ok());
        assertTrue(r.txResult().events().isEmpty());
    }

    @Test
    void abciQuery_existingKey_valueDecoded() throws Exception {
        QueryResult q = Answers.query(result("abci_query_with_existing_key"));

        assertTrue(q.ok());
        assertEquals(254, q.height());
        assertArrayEquals("tx0".getBytes(StandardCharsets.UTF_8), q.key());
        assertEquals("value", q.valueAsString());
        assertEquals("exists", q.log());
    }

    @Test
    void abciQuery_missingKey_nullValue() throws Exception {
        QueryResult q = Answers.query(result("abci_query_with_non_existent_key"));

        assertNull(q.value());
        assertEquals("does not exist", q.log());
    }

    @Test
    void status_capturedAnswer_networkAndHeights() throws Exception {
        NodeStatus s = Answers.status(result("status"));

        assertEquals("dockerchain", s.network());
        assertEquals(232, s.latestBlockHeight());
        assertEquals(1, s.earliestBlockHeight());
        assertFalse(s.catchingUp());
        assertEquals("0.38.0-alpha.1", s.version());
    }

    @Test
    void txSearch_capturedAnswer_recordsInOrderWithEventIds() throws Exception {
        JsonObject r = result("tx_search_no_prove");
        List<TxRecord> txs = new java.util.ArrayList<>();
        for (var v : r.getJsonArray("txs")) {
            txs.add(Answers.txRecord(v.asJsonObject()));
        }

        assertEquals(9, Answers.number(r, "total_count"));
        assertEquals(223, txs.get(0).height());
        assertEquals(0, txs.get(0).index());
        assertEquals("async-key=value", new String(txs.get(0).tx(), StandardCharsets.UTF_8));
        assertEquals(new EventId(223, 0, 1), txs.get(0).result().events().get(1).id());
        for (int i = 1; i < txs.size(); i++) {
            assertTrue(txs.get(i - 1)
                            .result()
                            .events()
                            .get(0)
                            .id()
                            .compareTo(txs.get(i).result().events().get(0).id())
                    < 0);
        }
    }

    @Test
    void txEvent_zeroFieldsAbsent_indexAndCodeZero() throws Exception {
        // The captured websocket Tx event has no "index" (transaction 0) and no "code" (success): zero values left out.
        JsonObject data = result("subscribe_txs_0").getJsonObject("data");
        JsonObject txResult = data.getJsonObject("value").getJsonObject("TxResult");
        assertFalse(txResult.containsKey("index"));
        assertFalse(txResult.getJsonObject("result").containsKey("code"));

        TxRecord t = Answers.txEvent(txResult, "FCB86F71C4EFF43E13C51FA12791F6DD1DDB8600A51131BE2289614D6882F6BE");

        assertEquals(243, t.height());
        assertEquals(0, t.index());
        assertEquals(0, t.result().code());
        assertTrue(t.result().ok());
        assertEquals(
                List.of(new EventId(243, 0, 0), new EventId(243, 0, 1)),
                t.result().events().stream().map(LedgerEvent::id).toList());
        assertEquals("tx0", t.result().events().get(0).attribute("key").orElseThrow());
    }

    @Test
    void blockResults_emptyBlock_nullListsRead() throws Exception {
        JsonObject r = result("block_results_at_height_10");

        assertEquals(10, Answers.number(r, "height"));
        assertNull(Answers.array(r, "txs_results"));
    }

    @Test
    void errorAnswer_malformedQuery_rpcErrorWithReason() throws Exception {
        LedgerException e = assertThrows(LedgerException.class, () -> result("subscribe_malformed"));

        assertEquals(LedgerException.Kind.RPC_ERROR, e.kind());
        assertTrue(e.getMessage().contains("failed to parse query"), e.getMessage());
        assertTrue(e.getMessage().contains("-32603"), e.getMessage());
    }

    @Test
    void number_wrongType_malformedResponse() {
        JsonObject o = RpcClient.parse("{\"height\":{\"x\":1}}");

        LedgerException e = assertThrows(LedgerException.class, () -> Answers.number(o, "height"));

        assertEquals(LedgerException.Kind.MALFORMED_RESPONSE, e.kind());
    }
}
