package nym.ledger.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetMetricsTest {

    @TempDir
    static Path home;

    static Devnet devnet;
    static RpcClient rpc;

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

    /** name{labels} value lines of a Prometheus text answer, by metric name. */
    private static Map<String, Long> scrape() {
        HttpResponse<String> r = rpc.getRaw("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Long> values = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                assertTrue(line.contains("{chain_id=\"nym-devnet\"}"), line);
                values.put(
                        line.substring(0, line.indexOf('{')),
                        Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return values;
    }

    @Test
    void metrics_afterCommittedAndRefusedTxs_countThem() {
        TxBuilder tx = new TxBuilder("nym-devnet");
        KeyPair to = KeyPair.fromSeed("metrics-recipient");
        Map<String, Long> before = scrape();

        JsonNode ok = rpc.result(
                "broadcast_tx_commit", RpcClient.tx(tx.transfer(GenesisDoc.devAccount(3), 0, to.address(), 5)));
        assertEquals(0, ok.get("tx_result").get("code").asInt(), ok.toString());
        JsonNode refused = rpc.result(
                "broadcast_tx_sync", RpcClient.tx(tx.transfer(GenesisDoc.devAccount(4), 99, to.address(), 5)));
        assertTrue(refused.get("code").asInt() != 0, refused.toString());

        Map<String, Long> after = scrape();
        assertTrue(after.get("cometbft_consensus_height") >= ok.get("height").asLong());
        assertEquals(1, after.get("cometbft_consensus_total_txs") - before.get("cometbft_consensus_total_txs"));
        assertEquals(1, after.get("cometbft_mempool_failed_txs") - before.get("cometbft_mempool_failed_txs"));
        assertEquals(
                1,
                after.get("nym_devnet_mempool_accepted_txs_total")
                        - before.get("nym_devnet_mempool_accepted_txs_total"));
        assertEquals(0, after.get("cometbft_mempool_size"));
        assertEquals(0, after.get("nym_devnet_block_txs_failed_total"));
    }
}
