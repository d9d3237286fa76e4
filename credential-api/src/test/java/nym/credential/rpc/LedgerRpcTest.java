package nym.credential.rpc;

import static nym.credential.rpc.StubLedgerNode.error;
import static nym.credential.rpc.StubLedgerNode.queryRefused;
import static nym.credential.rpc.StubLedgerNode.queryValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LedgerRpc} against stub nodes answering the shapes CometBFT v0.38 and the Nym ledger send. */
class LedgerRpcTest {

    private static final String HASH = "57018296EE0919C9D351F2FFEA82A8D28DE223724D79965FC8D00A7477ED48BC";
    private static final byte[] ADDRESS = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233");
    private static final String STATUS = "{\"node_info\":{\"id\":\"a\",\"network\":\"nym-localnet\","
            + "\"version\":\"0.38.26\"},\"sync_info\":{\"latest_block_height\":\"7\",\"catching_up\":false}}";
    /** What v0.38 writes for an outcome with nothing to say beyond its code. */
    private static final String EMPTY_OUTCOME =
            "\"data\":null,\"info\":\"\",\"gas_wanted\":\"0\",\"gas_used\":\"0\",\"events\":[],\"codespace\":\"\"";

    private final List<StubLedgerNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(StubLedgerNode::close);
    }

    private StubLedgerNode node() throws IOException {
        StubLedgerNode node = StubLedgerNode.start();
        nodes.add(node);
        return node;
    }

    private static LedgerRpc rpc(URI... nodes) {
        return new LedgerRpc(List.of(nodes), Duration.ofSeconds(5));
    }

    // ---------------------------------------------------------------- abci_query

    @Test
    void query_valueThere_itsJsonAndTheRequestCarriesPathAndHexData() throws Exception {
        StubLedgerNode node = node().reply(
                        "abci_query",
                        p -> queryValue("{\"zeta\":\"ab\",\"status\":\"pending\",\"deposit_id\":\"" + HASH + "\"}"));

        JsonObject zeta =
                rpc(node.uri()).query("/zeta", new byte[] {0x0a, (byte) 0xff}).orElseThrow();

        assertEquals("pending", zeta.getString("status"));
        assertEquals(HASH, zeta.getString("deposit_id"));
        JsonObject params = node.calls("abci_query").get(0);
        assertEquals("/zeta", params.getString("path"));
        assertEquals("0aff", params.getString("data"));
    }

    @Test
    void query_refusalCodeOrNoValue_empty() throws Exception {
        StubLedgerNode refused =
                node().reply("abci_query", p -> queryRefused(31, "NO_ISSUING_KEY: no completed key epoch yet"));
        StubLedgerNode noValue = node().reply("abci_query", p -> queryRefused(0, "does not exist"));
        StubLedgerNode emptyResponse = node().result("abci_query", "{\"response\":{}}");

        assertEquals(Optional.empty(), rpc(refused.uri()).query("/dkg/completed", new byte[0]));
        assertEquals(Optional.empty(), rpc(noValue.uri()).query("/deposit", new byte[32]));
        assertEquals(Optional.empty(), rpc(emptyResponse.uri()).query("/deposit", new byte[32]));
    }

    @Test
    void query_ledgerCannotAnswer_exceptionNotEmpty() throws Exception {
        StubLedgerNode node =
                node().reply("abci_query", p -> queryRefused(21, "UNAVAILABLE: internal error in query /zeta"));

        LedgerRpcException e =
                assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).query("/zeta", new byte[48]));

        assertTrue(e.getMessage().contains("UNAVAILABLE: internal error"), e.getMessage());
    }

    @Test
    void query_valueNotAJsonObjectOrNotBase64_exception() throws Exception {
        StubLedgerNode array = node().reply("abci_query", p -> queryValue("[1,2]"));
        StubLedgerNode notBase64 =
                node().result("abci_query", "{\"response\":{\"code\":0,\"value\":\"%%%\",\"height\":\"3\"}}");
        StubLedgerNode valueNotString =
                node().result("abci_query", "{\"response\":{\"code\":0,\"value\":7,\"height\":\"3\"}}");
        StubLedgerNode noResponse = node().result("abci_query", "{}");

        for (StubLedgerNode node : List.of(array, notBase64, valueNotString, noResponse)) {
            assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).query("/params", new byte[0]));
        }
    }

    // ---------------------------------------------------------------- account

    @Test
    void account_known_balanceAndNonce() throws Exception {
        StubLedgerNode node = node().reply(
                        "abci_query",
                        p -> queryValue("{\"address\":\"0x00112233445566778899aabbccddeeff00112233\","
                                + "\"balance\":\"1000\",\"nonce\":\"3\"}"));

        assertEquals(new LedgerRpc.Account(1000, 3), rpc(node.uri()).account(ADDRESS));
        assertEquals("/account", node.calls("abci_query").get(0).getString("path"));
        assertEquals(
                HexFormat.of().formatHex(ADDRESS),
                node.calls("abci_query").get(0).getString("data"));
    }

    @Test
    void account_unknown_zeros() throws Exception {
        // The ledger answers an address it never saw with zeros and the log "does not exist".
        StubLedgerNode zeros =
                node().reply("abci_query", p -> queryValue("{\"address\":\"0x00\",\"balance\":\"0\",\"nonce\":\"0\"}"));
        StubLedgerNode none = node().reply("abci_query", p -> queryRefused(0, "does not exist"));

        assertEquals(new LedgerRpc.Account(0, 0), rpc(zeros.uri()).account(ADDRESS));
        assertEquals(new LedgerRpc.Account(0, 0), rpc(none.uri()).account(ADDRESS));
    }

    @Test
    void account_numbersMissingOrNotNumbers_exception() throws Exception {
        StubLedgerNode missing = node().reply("abci_query", p -> queryValue("{\"balance\":\"5\"}"));
        StubLedgerNode words = node().reply("abci_query", p -> queryValue("{\"balance\":\"five\",\"nonce\":\"1\"}"));

        for (StubLedgerNode node : List.of(missing, words)) {
            assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).account(ADDRESS));
        }
    }

    // ---------------------------------------------------------------- broadcast_tx_commit

    @Test
    void broadcastCommit_committed_okWithHeightAndTheTxSentAsBase64() throws Exception {
        StubLedgerNode node = node().result(
                        "broadcast_tx_commit",
                        "{\"check_tx\":{\"code\":0," + EMPTY_OUTCOME + ",\"log\":\"\"},\"tx_result\":{" + EMPTY_OUTCOME
                                + ",\"log\":\"\"},\"hash\":\"" + HASH + "\",\"height\":\"42\"}");

        LedgerRpc.TxResult r = rpc(node.uri()).broadcastCommit(new byte[] {1, 2, 3});

        assertTrue(r.ok());
        assertEquals(new LedgerRpc.TxResult(HASH, 42, 0, ""), r);
        assertEquals(
                Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
                node.calls("broadcast_tx_commit").get(0).getString("tx"));
    }

    @Test
    void broadcastCommit_refusedAtCheckTx_itsCodeAndLogNoHeight() throws Exception {
        StubLedgerNode node = node().result(
                        "broadcast_tx_commit",
                        "{\"check_tx\":{\"code\":4," + EMPTY_OUTCOME + ",\"log\":\"WRONG_NONCE: expected 3, got 2\"},"
                                + "\"tx_result\":{" + EMPTY_OUTCOME + ",\"log\":\"\"},\"hash\":\"" + HASH
                                + "\",\"height\":\"0\"}");

        LedgerRpc.TxResult r = rpc(node.uri()).broadcastCommit(new byte[] {1});

        assertFalse(r.ok());
        assertEquals(new LedgerRpc.TxResult(HASH, 0, 4, "WRONG_NONCE: expected 3, got 2"), r);
    }

    @Test
    void broadcastCommit_refusedInTheBlock_itsCodeLogAndHeight() throws Exception {
        StubLedgerNode node = node().result(
                        "broadcast_tx_commit",
                        "{\"check_tx\":{" + EMPTY_OUTCOME + ",\"log\":\"\"},\"tx_result\":{\"code\":12,"
                                + EMPTY_OUTCOME + ",\"log\":\"DOUBLE_SPEND: zeta is pending\"},\"hash\":\"" + HASH
                                + "\",\"height\":\"43\"}");

        LedgerRpc.TxResult r = rpc(node.uri()).broadcastCommit(new byte[] {1});

        assertFalse(r.ok());
        assertEquals(new LedgerRpc.TxResult(HASH, 43, 12, "DOUBLE_SPEND: zeta is pending"), r);
    }

    @Test
    void broadcastCommit_nodeGaveUpWaitingForTheBlock_exceptionAndNoOtherNodeAsked() throws Exception {
        StubLedgerNode first =
                node().reply("broadcast_tx_commit", p -> error("timed out waiting for tx to be included in a block"));
        StubLedgerNode second = node().result("broadcast_tx_commit", "{}");

        LedgerRpcException e = assertThrows(
                LedgerRpcException.class, () -> rpc(first.uri(), second.uri()).broadcastCommit(new byte[] {1}));

        assertTrue(e.getMessage().contains("timed out waiting for tx"), e.getMessage());
        assertEquals(0, second.callCount(), "an error is the ledger's answer: the tx may yet be in a block");
    }

    @Test
    void broadcastCommit_answerWithoutHashOrCheckTx_exception() throws Exception {
        StubLedgerNode noHash = node().result("broadcast_tx_commit", "{\"check_tx\":{},\"height\":\"1\"}");
        StubLedgerNode noCheck = node().result("broadcast_tx_commit", "{\"hash\":\"" + HASH + "\"}");

        for (StubLedgerNode node : List.of(noHash, noCheck)) {
            assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).broadcastCommit(new byte[] {1}));
        }
    }

    // ---------------------------------------------------------------- tx

    private static String txAnswer(int code, String log) {
        return "{\"hash\":\"" + HASH + "\",\"height\":\"42\",\"index\":1,\"tx_result\":{\"code\":" + code + ","
                + EMPTY_OUTCOME + ",\"log\":\"" + log + "\"},\"tx\":\"AQID\"}";
    }

    @Test
    void tx_inABlock_itsHeightAndResultAndTheHashSentAsBase64() throws Exception {
        StubLedgerNode node = node().result("tx", txAnswer(0, ""));

        Optional<LedgerRpc.TxResult> r = rpc(node.uri()).tx(HASH);

        assertEquals(Optional.of(new LedgerRpc.TxResult(HASH, 42, 0, "")), r);
        assertEquals(
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(HASH)),
                node.calls("tx").get(0).getString("hash"));
    }

    @Test
    void tx_refusedInItsBlock_itsCode() throws Exception {
        StubLedgerNode node = node().result("tx", txAnswer(25, "UNKNOWN_PROVIDER: 0xab"));

        LedgerRpc.TxResult r = rpc(node.uri()).tx(HASH).orElseThrow();

        assertFalse(r.ok());
        assertEquals(25, r.code());
        assertEquals("UNKNOWN_PROVIDER: 0xab", r.log());
    }

    @Test
    void tx_noNodeHasIt_empty() throws Exception {
        StubLedgerNode first = node().reply("tx", p -> error("tx (" + HASH + ") not found"));
        StubLedgerNode second = node().reply("tx", p -> error("tx (" + HASH + ") not found"));

        assertEquals(Optional.empty(), rpc(first.uri(), second.uri()).tx(HASH));
        assertEquals(1, second.calls("tx").size(), "every node asked");
    }

    @Test
    void tx_firstNodeBehind_theSecondsAnswer() throws Exception {
        StubLedgerNode behind = node().reply("tx", p -> error("tx (" + HASH + ") not found"));
        StubLedgerNode ahead = node().result("tx", txAnswer(0, ""));

        assertEquals(42, rpc(behind.uri(), ahead.uri()).tx(HASH).orElseThrow().height());
    }

    @Test
    void tx_notFoundHereAndTheOtherNodeDown_empty() throws Exception {
        StubLedgerNode node = node().reply("tx", p -> error("tx (" + HASH + ") not found"));

        assertEquals(
                Optional.empty(), rpc(node.uri(), StubLedgerNode.deadNode()).tx(HASH));
    }

    @Test
    void tx_otherError_exception() throws Exception {
        StubLedgerNode node = node().reply("tx", p -> error("transaction indexing is disabled"));

        LedgerRpcException e =
                assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).tx(HASH));

        assertTrue(e.getMessage().contains("indexing is disabled"), e.getMessage());
    }

    @Test
    void tx_hashNotHex_illegalArgumentAndNothingSent() throws Exception {
        StubLedgerNode node = node();

        assertThrows(IllegalArgumentException.class, () -> rpc(node.uri()).tx("not a hash"));
        assertEquals(0, node.callCount());
    }

    // ---------------------------------------------------------------- nodes, chain id, garbage

    @Test
    void chainId_askedOnce() throws Exception {
        StubLedgerNode node = node().result("status", STATUS);
        LedgerRpc rpc = rpc(node.uri());

        assertEquals("nym-localnet", rpc.chainId());
        assertEquals("nym-localnet", rpc.chainId());
        assertEquals(1, node.calls("status").size());
    }

    @Test
    void call_firstNodeDown_theSecondAnswers() throws Exception {
        StubLedgerNode second = node().result("status", STATUS);

        assertEquals(
                "nym-localnet", rpc(StubLedgerNode.deadNode(), second.uri()).chainId());
    }

    @Test
    void call_firstNodeAnswersNoJson_theSecondAnswers() throws Exception {
        StubLedgerNode proxy = node().always(502, "<html>bad gateway</html>");
        StubLedgerNode second = node().result("status", STATUS);

        assertEquals("nym-localnet", rpc(proxy.uri(), second.uri()).chainId());
        assertEquals(1, proxy.callCount());
    }

    @Test
    void call_everyNodeDown_exceptionNamingEach() throws Exception {
        URI first = StubLedgerNode.deadNode();
        URI second = StubLedgerNode.deadNode();

        LedgerRpcException e =
                assertThrows(LedgerRpcException.class, () -> rpc(first, second).chainId());

        assertTrue(e.getMessage().contains(first.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(second.toString()), e.getMessage());
    }

    @Test
    void call_garbageAnswers_exception() throws Exception {
        List<StubLedgerNode> garbage = List.of(
                node().always(200, "not json"),
                node().always(200, "[\"an\",\"array\"]"),
                node().always(200, ""),
                node().always(200, "{\"jsonrpc\":\"2.0\",\"id\":1}"),
                node().always(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"a string\"}"),
                node().result("status", "{\"sync_info\":{}}"),
                node().result("status", "{\"node_info\":{\"network\":7}}"),
                node().result("status", "{\"node_info\":\"nym-localnet\"}"));

        for (StubLedgerNode node : garbage) {
            assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).chainId());
        }
    }

    @Test
    void call_jsonRpcError_exceptionWithTheNodesReason() throws Exception {
        StubLedgerNode node = node().reply("status", p -> error("something broke"));

        LedgerRpcException e =
                assertThrows(LedgerRpcException.class, () -> rpc(node.uri()).chainId());

        assertTrue(e.getMessage().contains("something broke"), e.getMessage());
    }

    @Test
    void newLedgerRpc_noNodes_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LedgerRpc(List.of(), Duration.ofSeconds(1)));
    }

    @Test
    void code_asNumberOrString_readEitherWay() throws Exception {
        StubLedgerNode node = node().result(
                        "broadcast_tx_commit",
                        "{\"check_tx\":{\"code\":\"5\",\"log\":\"INSUFFICIENT_BALANCE\"},\"hash\":\"" + HASH
                                + "\",\"height\":0}");

        assertEquals(5, rpc(node.uri()).broadcastCommit(new byte[] {1}).code());
    }
}
