package nym.ledger.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nym.ledger.LedgerException;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real CometBFT validators, each driving its own ledger-app abci process, perturbed as CometBFT's e2e tests do
 * while transfers keep arriving: one validator killed, two killed, both restarted, an application killed with
 * SIGKILL mid-stream. The invariants: blocks continue with 3 of 4, halt with 2 of 4, and every validator reports the
 * same app hash at every height once they have caught up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainPerturbationTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @TempDir
    static Path root;

    private static LocalChain chain;
    private static Thread load;
    private static final AtomicBoolean loading = new AtomicBoolean(true);
    private static final AtomicLong accepted = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        chain = Chains.started(root, 4);
        load = new Thread(ChainPerturbationTest::sendTransfers, "transfers");
        load.setDaemon(true);
        load.start();
    }

    @AfterAll
    static void stop() throws Exception {
        loading.set(false);
        if (load != null) {
            load.join(10_000);
        }
        if (chain != null) {
            chain.close();
        }
    }

    /**
     * Transfers from dev-1 through whichever validator is up. A refused nonce (already pending, or lost with a killed
     * node's mempool) is re-read from the committed account state.
     */
    private static void sendTransfers() {
        TxBuilder tx = new TxBuilder(Chains.CHAIN_ID);
        KeyPair from = GenesisDoc.devAccount(1);
        byte[] to = KeyPair.fromSeed("perturbation-sink").address();
        long nonce = 0;
        int node = 0;
        while (loading.get()) {
            try {
                Thread.sleep(50);
                if (!chain.nodeAlive(node)) {
                    node = (node + 1) % 4;
                    continue;
                }
                ObjectNode p = CometRpc.params();
                p.put("tx", Base64.getEncoder().encodeToString(tx.transfer(from, nonce, to, 1)));
                if (chain.rpc(node).result("broadcast_tx_sync", p).get("code").asInt() == 0) {
                    nonce++;
                    accepted.incrementAndGet();
                } else {
                    nonce = committedNonce(node, from);
                }
            } catch (LedgerException e) {
                node = (node + 1) % 4;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long committedNonce(int node, KeyPair account) {
        ObjectNode q = CometRpc.params();
        q.put("path", "/account");
        q.put("data", nym.ledger.Hex.lower(account.address()));
        String value = chain.rpc(node)
                .result("abci_query", q)
                .get("response")
                .get("value")
                .asText();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Base64.getDecoder().decode(value))
                    .get("nonce")
                    .asLong();
        } catch (java.io.IOException e) {
            throw new LedgerException(LedgerException.Kind.PROTOCOL, "bad /account answer: " + e);
        }
    }

    @Test
    @Order(1)
    void oneValidatorKilled_blocksContinue() throws Exception {
        chain.killNode(3);
        long h = chain.rpc(0).latestHeight();
        chain.awaitHeight(0, h + 3, Duration.ofSeconds(30));
        chain.awaitHeight(1, h + 3, Duration.ofSeconds(30));
        assertTrue(accepted.get() > 0, "transfers are accepted meanwhile");
    }

    @Test
    @Order(2)
    void twoValidatorsKilled_chainHalts() throws Exception {
        chain.killNode(2);
        // a height in flight may still commit (its votes were cast before the kill); then nothing
        Thread.sleep(2_000);
        long halted = chain.rpc(0).latestHeight();
        Thread.sleep(5_000); // more than ten block times of 300 ms
        assertEquals(halted, chain.rpc(0).latestHeight(), "no block without 2/3 of the voting power");
        assertEquals(halted, chain.rpc(1).latestHeight());
    }

    @Test
    @Order(3)
    void killedValidatorsRestarted_catchUpWithSameAppHashAtEveryHeight() throws Exception {
        chain.startNode(2);
        chain.startNode(3);
        long target = chain.rpc(0).latestHeight() + 5;
        for (int i = 0; i < 4; i++) {
            chain.awaitHeight(i, target, CATCH_UP);
        }
        assertSameAppHashes(target);
    }

    @Test
    @Order(4)
    void applicationKilledMidStream_handshakeReplaysToSameAppHash() throws Exception {
        long before = accepted.get();
        chain.killApp(1); // SIGKILL: no shutdown hook, whatever was not forced to disk is gone
        // CometBFT stops when its application connection breaks; give it the time to notice
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (chain.nodeAlive(1) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        chain.stopNode(1);
        chain.startValidator(1);
        long target = chain.rpc(0).latestHeight() + 5;
        for (int i = 0; i < 4; i++) {
            chain.awaitHeight(i, target, CATCH_UP);
        }
        assertTrue(accepted.get() > before, "transfers kept coming while validator 1 was down");
        assertSameAppHashes(target);
    }

    private static void assertSameAppHashes(long upTo) {
        List<String> diverged = new ArrayList<>();
        for (long h = 2; h <= upTo; h++) {
            String first = chain.rpc(0).appHashInBlock(h);
            for (int i = 1; i < 4; i++) {
                String other = chain.rpc(i).appHashInBlock(h);
                if (!first.equals(other)) {
                    diverged.add("height " + h + ": validator-1 " + first + ", validator-" + (i + 1) + " " + other);
                }
            }
        }
        assertTrue(diverged.isEmpty(), String.join("\n", diverged));
        ObjectNode info = CometRpc.params();
        for (int i = 0; i < 4; i++) {
            assertTrue(chain.rpc(i)
                            .result("abci_info", info)
                            .get("response")
                            .get("last_block_height")
                            .asLong()
                    >= upTo);
        }
    }
}
