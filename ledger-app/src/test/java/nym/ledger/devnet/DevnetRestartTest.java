package nym.ledger.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetRestartTest {
    private static final TxBuilder TX = new TxBuilder("nym-devnet");

    private static Devnet start(Path home) {
        return Devnet.start(
                Devnet.defaults(home).with("tcp://127.0.0.1:0", "tcp://127.0.0.1:0", Duration.ofMillis(50)));
    }

    private static String balance(RpcClient rpc, KeyPair k) {
        ObjectNode q = RpcClient.params();
        q.put("path", "/balance");
        q.put("data", Hex.lower(k.address()));
        JsonNode v = rpc.result("abci_query", q).get("response").get("value");
        return new String(Base64.getDecoder().decode(v.asText()));
    }

    @Test
    void restart_continuesChainAndState(@TempDir Path home) {
        KeyPair from = GenesisDoc.devAccount(1);
        KeyPair to = KeyPair.fromSeed("restart-to");
        long height;
        String appHash;
        byte[] first = TX.transfer(from, 0, to.address(), 5);
        try (Devnet d = start(home)) {
            RpcClient rpc = new RpcClient(d.rpcAddress());
            rpc.result("broadcast_tx_commit", RpcClient.tx(first));
            rpc.result("broadcast_tx_commit", RpcClient.tx(TX.transfer(from, 1, to.address(), 6)));
            JsonNode st = rpc.result("status", null).get("sync_info");
            height = st.get("latest_block_height").asLong();
            appHash = st.get("latest_app_hash").asText();
        }
        try (Devnet d = start(home)) {
            RpcClient rpc = new RpcClient(d.rpcAddress());
            JsonNode st = rpc.result("status", null).get("sync_info");
            assertTrue(st.get("latest_block_height").asLong() >= height);
            ObjectNode hp = RpcClient.params();
            hp.put("height", Long.toString(height));
            JsonNode br = rpc.result("block_results", hp);
            assertEquals(
                    appHash,
                    Hex.upper(Base64.getDecoder().decode(br.get("app_hash").asText())));
            ObjectNode tp = RpcClient.params();
            tp.put("hash", Base64.getEncoder().encodeToString(Transaction.sha256(first)));
            assertEquals(0, rpc.result("tx", tp).get("tx_result").get("code").asInt());
            assertTrue(balance(rpc, to).contains("\"balance\":\"11\""));
            // the state continued: the next nonce is 2
            JsonNode r = rpc.result("broadcast_tx_commit", RpcClient.tx(TX.transfer(from, 2, to.address(), 1)));
            assertEquals(0, r.get("tx_result").get("code").asInt(), r.toString());
            assertTrue(r.get("height").asLong() > height);
            // the header of each block carries the app hash of the previous one
            long h = r.get("height").asLong();
            ObjectNode prev = RpcClient.params();
            prev.put("height", Long.toString(h - 1));
            ObjectNode cur = RpcClient.params();
            cur.put("height", Long.toString(h));
            assertEquals(
                    Hex.upper(Base64.getDecoder()
                            .decode(rpc.result("block_results", prev)
                                    .get("app_hash")
                                    .asText())),
                    rpc.result("block", cur)
                            .get("block")
                            .get("header")
                            .get("app_hash")
                            .asText());
        }
    }

    @Test
    void restart_withAppStateLost_replaysBlocksToTheSameAppHash(@TempDir Path home) throws Exception {
        KeyPair from = GenesisDoc.devAccount(2);
        KeyPair to = KeyPair.fromSeed("replay-to");
        String appHash;
        long height;
        try (Devnet d = start(home)) {
            RpcClient rpc = new RpcClient(d.rpcAddress());
            for (int i = 0; i < 3; i++) {
                rpc.result("broadcast_tx_commit", RpcClient.tx(TX.transfer(from, i, to.address(), 10)));
            }
            d.node().produceBlock();
            height = d.node().chain().height();
            appHash = Hex.upper(d.node().lastAppHash());
        }
        Files.delete(home.resolve("app").resolve("state.log")); // the app starts from nothing
        try (Devnet d = start(home)) {
            // the handshake ran InitChain and replayed every stored block before producing new ones
            assertEquals(
                    appHash,
                    Hex.upper(d.node()
                            .chain()
                            .block(height)
                            .getResults()
                            .getAppHash()
                            .toByteArray()));
            RpcClient rpc = new RpcClient(d.rpcAddress());
            assertTrue(balance(rpc, to).contains("\"balance\":\"30\""));
        }
    }
}
