package nym.ledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.Chains;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.LocalChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadGeneratorTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void run_signedTransfers_everyTxCommittedWithItsLatency(@TempDir Path home) throws Exception {
        try (LocalChain chain = Chains.started(home, 1)) {
            // 2 pending at most: senders wait for commits, so the cap is exercised and still drains
            LoadGenerator.Result r = new LoadGenerator(new LoadGenerator.Settings(
                            chain.rpcUri(0),
                            LoadGenerator.App.NYM,
                            Chains.CHAIN_ID,
                            4,
                            0,
                            40,
                            2,
                            2,
                            Duration.ofSeconds(60)))
                    .run(QUIET);
            assertClean(r, 40);
        }
    }

    @Test
    void run_kvstore_everyTxCommittedWithItsLatency(@TempDir Path home) throws Exception {
        try (LocalChain chain = LocalChain.create(
                        home,
                        1,
                        GenesisDoc.development("kv-test", 3, 2, 1, 1_000L),
                        ChainHomes.Settings.defaults()
                                .withTimeoutCommit(Duration.ofMillis(300))
                                .withBuiltinApp("kvstore"),
                        null)
                .start()) {
            LoadGenerator.Result r = new LoadGenerator(new LoadGenerator.Settings(
                            chain.rpcUri(0),
                            LoadGenerator.App.KVSTORE,
                            "kv-test",
                            1,
                            0,
                            60,
                            3,
                            4000,
                            Duration.ofSeconds(60)))
                    .run(QUIET);
            assertClean(r, 60);
        }
    }

    private static void assertClean(LoadGenerator.Result r, int txs) {
        assertTrue(r.clean(), r.toString());
        assertEquals(txs, r.sent());
        assertEquals(txs, r.committed());
        assertEquals(0, r.lost());
        assertEquals(txs, r.latencyMillis().length);
        assertTrue(Arrays.stream(r.latencyMillis()).allMatch(ms -> ms >= 0), Arrays.toString(r.latencyMillis()));
        assertTrue(r.committedPerSecond() > 0);
    }
}
