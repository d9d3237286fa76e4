package nym.ledger.jca.rar.chain;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.LocalChain;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.rpc.Answers;
import nym.ledger.jca.rar.rpc.RpcClient;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;

/**
 * Real CometBFT v0.38 chains for the adapter's tests (ledger-app, test scope): development genesis (dev-0.. funded),
 * 300 ms blocks, each validator driving its own ledger-app abci process.
 */
public final class TestChain {

    public static final String CHAIN_ID = "nym-test";
    public static final TxBuilder TX = new TxBuilder(CHAIN_ID);

    private TestChain() {}

    public static LocalChain started(Path root, int validators) throws IOException, InterruptedException {
        return create(root, validators).start();
    }

    /** A chain whose nodes keep no tx index ({@code tx_search} finds nothing): only block results tell events. */
    public static LocalChain startedWithoutTxIndex(Path root, int validators) throws IOException, InterruptedException {
        LocalChain chain = create(root, validators);
        for (int i = 0; i < validators; i++) {
            Path config = chain.homes().home(i).resolve("config/config.toml");
            String toml = Files.readString(config);
            if (!toml.contains("indexer = \"kv\"")) {
                throw new IllegalStateException("config.toml has no kv indexer to switch off: " + config);
            }
            Files.writeString(config, toml.replace("indexer = \"kv\"", "indexer = \"null\""));
        }
        return chain.start();
    }

    private static LocalChain create(Path root, int validators) throws IOException {
        return LocalChain.create(
                root,
                validators,
                GenesisDoc.development(CHAIN_ID, 3, 2, 20, 1_000_000_000L),
                ChainHomes.Settings.defaults().withTimeoutCommit(Duration.ofMillis(300)),
                null);
    }

    /** A client of the chain's nodes, validator {@code first} preferred. */
    public static RpcClient rpc(LocalChain chain, int first) throws LedgerException {
        return new RpcClient(
                RpcClient.parseNodes(chain.nodeUrls(first)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    public static RpcClient rpc(URI node) {
        return new RpcClient(List.of(node), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The i-th development account. */
    public static KeyPair dev(int i) {
        return GenesisDoc.devAccount(i);
    }

    /**
     * The ids of every event of {@code type} in transactions matching {@code query}, read from the tx index (a path
     * the adapter does not use), waiting until it lists {@code expected} transactions.
     */
    public static List<EventId> indexed(RpcClient rpc, String query, String type, int expected)
            throws LedgerException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<TxRecord> txs = new ArrayList<>();
            var r = rpc.call(
                    "tx_search",
                    Json.createObjectBuilder()
                            .add("query", query)
                            .add("per_page", "100")
                            .add("order_by", "asc"),
                    Duration.ofSeconds(5));
            for (var v : r.getJsonArray("txs")) {
                txs.add(Answers.txRecord(v.asJsonObject()));
            }
            if (txs.size() >= expected || System.nanoTime() > end) {
                List<EventId> ids = new ArrayList<>();
                for (TxRecord t : txs) {
                    t.result().events().stream()
                            .filter(e -> e.type().equals(type))
                            .forEach(e -> ids.add(e.id()));
                }
                return ids;
            }
            Thread.sleep(100);
        }
    }
}
