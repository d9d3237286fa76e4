package nym.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.LocalChain;

/**
 * Real CometBFT validators on free local ports, each driving its own {@code ledger-app abci} process (ledger-app's
 * {@link LocalChain}), with their homes in a temporary folder; a validator can be stopped and started again on the
 * same home and ports. Talks plain JSON-RPC to validator 1, independently of the adapter under test.
 */
final class LedgerChain implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEV_CHAIN_ID = "nym-it";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    final LocalChain chain;

    private LedgerChain(Path root, LocalChain chain) {
        this.root = root;
        this.chain = chain;
    }

    /** {@code validators} validators of a development genesis (chain {@value #DEV_CHAIN_ID}, accounts dev-0..3). */
    static LedgerChain development(int validators) throws Exception {
        return start(validators, GenesisDoc.development(DEV_CHAIN_ID, 3, 2, 4, 1_000_000_000L));
    }

    /** {@code validators} validators of a network tree's genesis (registering the tree's authorities). */
    static LedgerChain ofTree(Path tree, int validators) throws Exception {
        ObjectNode genesis =
                (ObjectNode) JSON.readTree(tree.resolve("ledger/genesis.json").toFile());
        genesis.remove("validators"); // this chain's own, on free ports
        return start(validators, genesis);
    }

    private static LedgerChain start(int validators, ObjectNode genesis) throws Exception {
        Path root = Files.createTempDirectory("nym-it-chain");
        // A private copy: other builds on this machine replace ledger-app/target/ledger-app.jar while the chain runs,
        // and a JVM whose jar changed under it fails on its next class load.
        Path jar = root.resolve("ledger-app.jar");
        Files.copy(TestEnvironment.ledgerAppJar(), jar);
        LocalChain chain = LocalChain.create(
                root.resolve("validators"),
                validators,
                genesis,
                ChainHomes.Settings.defaults().withTimeoutCommit(Duration.ofMillis(300)),
                jar.toString());
        try {
            chain.start();
        } catch (Exception | Error e) {
            chain.close();
            throw e;
        }
        return new LedgerChain(root, chain);
    }

    /** Validator 1's RPC. */
    URI rpc() {
        return chain.rpcUri(0);
    }

    /** Every validator's RPC, comma-separated, validator {@code first} (0-based) first. */
    String nodeUrls(int first) {
        return chain.nodeUrls(first);
    }

    /** Stops validator 1 (node and application): with one validator, the whole chain. */
    void stop() throws InterruptedException {
        chain.stopValidator(0);
    }

    /** Starts validator 1 again on its home and waits until it answers. */
    void start() throws Exception {
        chain.startValidator(0);
        chain.awaitHeight(0, 1, Duration.ofSeconds(60));
    }

    /** A JSON-RPC call; the {@code result}, or an IOException for transport errors and error answers. */
    JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        ObjectNode request =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        request.set("params", params);
        HttpRequest r = HttpRequest.newBuilder(rpc())
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        JsonNode answer =
                JSON.readTree(HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body());
        if (answer.hasNonNull("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** broadcast_tx_commit; the committed height, failing on a refusal. */
    long commit(byte[] tx) throws IOException, InterruptedException {
        JsonNode r = call(
                "broadcast_tx_commit",
                JSON.createObjectNode().put("tx", Base64.getEncoder().encodeToString(tx)));
        if (r.path("check_tx").path("code").asInt() != 0
                || r.path("tx_result").path("code").asInt() != 0) {
            throw new IOException("refused: " + r);
        }
        return r.get("height").asLong();
    }

    /** The account's next nonce. */
    long nonce(byte[] address) throws IOException, InterruptedException {
        JsonNode r = call(
                "abci_query",
                JSON.createObjectNode()
                        .put("path", "/account")
                        .put("data", HexFormat.of().formatHex(address)));
        String value = r.path("response").path("value").asText("");
        return value.isEmpty()
                ? 0
                : JSON.readTree(Base64.getDecoder().decode(value)).path("nonce").asLong();
    }

    /** The committed transaction with this hash (uppercase hex), or null. */
    JsonNode tx(String hash) throws InterruptedException {
        try {
            return call(
                    "tx",
                    JSON.createObjectNode()
                            .put(
                                    "hash",
                                    Base64.getEncoder()
                                            .encodeToString(HexFormat.of().parseHex(hash))));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Ids (height/txIndex/eventIndex) of every event of the transactions that carry an event of {@code type}, in
     * chain order, read from every block's results: CometBFT's tx index is filled asynchronously after a commit (and
     * a node stopped in between never indexes that block), so {@code tx_search} may miss committed transactions.
     */
    java.util.List<String> eventIdsOfTxsWith(String type) throws IOException, InterruptedException {
        java.util.List<String> ids = new java.util.ArrayList<>();
        long top = call("status", JSON.createObjectNode())
                .get("sync_info")
                .get("latest_block_height")
                .asLong();
        for (long h = 1; h <= top; h++) {
            JsonNode txs = call("block_results", JSON.createObjectNode().put("height", Long.toString(h)))
                    .path("txs_results");
            for (int t = 0; t < txs.size(); t++) {
                JsonNode events = txs.get(t).path("events");
                boolean matches = false;
                for (JsonNode e : events) {
                    matches |= type.equals(e.path("type").asText());
                }
                for (int i = 0; matches && i < events.size(); i++) {
                    ids.add(h + "/" + t + "/" + i);
                }
            }
        }
        return ids;
    }

    /** Stops every validator and deletes the homes. */
    @Override
    public void close() throws Exception {
        chain.close();
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
