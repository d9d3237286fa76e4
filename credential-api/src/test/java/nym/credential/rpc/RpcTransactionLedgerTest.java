package nym.credential.rpc;

import static nym.credential.rpc.StubLedgerNode.queryValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import nym.credential.rpc.LedgerRpc.TxResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RpcTransactionLedger}: each of the four questions reaches the node as the RPC call it stands for, and the
 * answer comes back as {@link LedgerRpc} reads it (the shapes themselves are {@code LedgerRpcTest}'s).
 */
class RpcTransactionLedgerTest {

    private static final String HASH = "57018296EE0919C9D351F2FFEA82A8D28DE223724D79965FC8D00A7477ED48BC";
    private static final byte[] ADDRESS = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233");

    private StubLedgerNode node;
    private TransactionLedger ledger;

    @BeforeEach
    void start() throws Exception {
        node = StubLedgerNode.start();
        ledger = new RpcTransactionLedger(new LedgerRpc(node.uri(), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String outcome(int code) {
        return "{\"code\":" + code + ",\"log\":\"\"}";
    }

    @Test
    void chainId_theNodesNetwork() {
        node.result("status", "{\"node_info\":{\"network\":\"nym-test\"},\"sync_info\":{}}");

        assertEquals("nym-test", ledger.chainId());
    }

    @Test
    void accountNonce_theAccountsNonceNotItsBalance() {
        node.reply("abci_query", p -> queryValue("{\"balance\":\"1000\",\"nonce\":\"3\"}"));

        assertEquals(3, ledger.accountNonce(ADDRESS));
        assertEquals("/account", node.calls("abci_query").get(0).getString("path"));
        assertEquals(
                HexFormat.of().formatHex(ADDRESS),
                node.calls("abci_query").get(0).getString("data"));
    }

    @Test
    void broadcast_broadcastTxCommitWithTheSignedBytes() {
        node.result(
                "broadcast_tx_commit",
                "{\"check_tx\":" + outcome(0) + ",\"tx_result\":" + outcome(0) + ",\"hash\":\"" + HASH
                        + "\",\"height\":\"42\"}");

        assertEquals(new TxResult(HASH, 42, 0, ""), ledger.broadcast(new byte[] {1, 2, 3}));
        assertEquals(
                Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
                node.calls("broadcast_tx_commit").get(0).getString("tx"));
    }

    @Test
    void transaction_inABlockOrNot() {
        node.result("tx", "{\"hash\":\"" + HASH + "\",\"height\":\"42\",\"tx_result\":" + outcome(0) + "}");
        assertEquals(Optional.of(new TxResult(HASH, 42, 0, "")), ledger.transaction(HASH));

        node.reply("tx", p -> StubLedgerNode.error("tx (" + HASH + ") not found"));
        assertEquals(Optional.empty(), ledger.transaction(HASH));
    }

    @Test
    void unreachableLedger_ledgerRpcException() throws Exception {
        TransactionLedger dead =
                new RpcTransactionLedger(new LedgerRpc(StubLedgerNode.deadNode(), Duration.ofSeconds(5)));

        assertThrows(LedgerRpcException.class, () -> dead.accountNonce(ADDRESS));
    }
}
