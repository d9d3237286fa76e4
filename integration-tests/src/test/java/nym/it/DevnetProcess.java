package nym.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ledger-app devnet} in its own process, on free local ports chosen at runtime, with its data in a
 * temporary folder; stopped and started again on the same ports and data (a node restart). Talks plain JSON-RPC to
 * it, independently of the adapter under test.
 */
final class DevnetProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int rpcPort;
    private final int abciPort;
    private final Path genesis;
    private Process process;

    private DevnetProcess(Path home, int rpcPort, int abciPort, Path genesis) {
        this.home = home;
        this.rpcPort = rpcPort;
        this.abciPort = abciPort;
        this.genesis = genesis;
    }

    /** A devnet with its generated development genesis (dev accounts). */
    static DevnetProcess create() throws IOException {
        return create(null);
    }

    /** A devnet of the given genesis (e.g. the network tree's, registering the authorities), or a generated one. */
    static DevnetProcess create(Path genesis) throws IOException {
        return new DevnetProcess(Files.createTempDirectory("nym-it-devnet"), freePort(), freePort(), genesis);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    URI rpc() {
        return URI.create("http://127.0.0.1:" + rpcPort + "/");
    }

    void start() throws Exception {
        // A private copy: other builds on this machine replace ledger-app/target/ledger-app.jar while the devnet runs,
        // and a JVM whose jar changed under it fails on its next class load.
        Path jar = home.resolve("ledger-app.jar");
        if (!Files.exists(jar)) {
            Files.copy(TestEnvironment.ledgerAppJar(), jar);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-jar",
                jar.toString(),
                "devnet",
                "--home",
                home.toString(),
                "--rpc",
                "tcp://127.0.0.1:" + rpcPort,
                "--abci",
                "tcp://127.0.0.1:" + abciPort,
                "--block-interval",
                "200ms",
                "--dev-accounts",
                "4"));
        if (genesis != null) {
            command.addAll(List.of("--genesis", genesis.toString()));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("devnet.log").toFile()))
                .start();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                call("status", JSON.createObjectNode());
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new IllegalStateException(
                            "devnet did not start; log: " + Files.readString(home.resolve("devnet.log")), e);
                }
                Thread.sleep(200);
            }
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
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

    /** Ids (height/txIndex/eventIndex) of every event of the transactions matching {@code query}, in chain order. */
    java.util.List<String> eventIds(String query) throws IOException, InterruptedException {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode r = call(
                    "tx_search",
                    JSON.createObjectNode()
                            .put("query", query)
                            .put("page", Integer.toString(page))
                            .put("per_page", "100")
                            .put("order_by", "asc"));
            for (JsonNode t : r.get("txs")) {
                JsonNode events = t.path("tx_result").path("events");
                for (int i = 0; i < events.size(); i++) {
                    ids.add(t.get("height").asText() + "/" + t.path("index").asInt(0) + "/" + i);
                }
            }
            if (page * 100L >= r.get("total_count").asLong()) {
                return ids;
            }
        }
    }

    /** Stops the devnet and deletes its data folder. */
    @Override
    public void close() throws Exception {
        stop();
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
