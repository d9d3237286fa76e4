package nym.ledger.comet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Chains for the tests: development genesis (dev-0.. funded), short blocks, applications from the test class path. */
public final class Chains {
    public static final String CHAIN_ID = "nym-test";

    private Chains() {}

    public static LocalChain started(Path root, int validators) throws IOException, InterruptedException {
        return LocalChain.create(
                        root,
                        validators,
                        GenesisDoc.development(CHAIN_ID, 3, 2, 20, 1_000_000_000L),
                        ChainHomes.Settings.defaults().withTimeoutCommit(Duration.ofMillis(300)),
                        null)
                .start();
    }
}
