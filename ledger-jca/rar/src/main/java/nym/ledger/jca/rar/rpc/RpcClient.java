package nym.ledger.jca.rar.rpc;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.ledger.jca.BroadcastResult;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.LedgerException.Kind;
import nym.ledger.jca.NodeStatus;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxRecord;

/**
 * JSON-RPC 2.0 over HTTP POST to CometBFT nodes (v0.38), with failover: a call goes to the node that answered last;
 * if it cannot be reached or answers with an HTTP error, the next configured node is tried, all within one deadline
 * of {@code timeout} per call. An answer with a JSON-RPC {@code error} is the ledger's answer and is not retried
 * elsewhere. Thread-safe; one instance per managed connection factory.
 */
public final class RpcClient {

    private static final Logger LOG = Logger.getLogger(RpcClient.class.getName());

    private final List<URI> nodes;
    private final Duration timeout;
    private final Duration commitTimeout;
    private final HttpClient http;
    private final AtomicInteger preferred = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param nodes RPC base URLs, e.g. {@code http://127.0.0.1:26657/}, in order of preference
     * @param connectTimeout TCP connect timeout per node
     * @param timeout deadline of one call, over every node tried
     * @param commitTimeout deadline of {@code broadcast_tx_commit}, which waits for a block
     */
    public RpcClient(List<URI> nodes, Duration connectTimeout, Duration timeout, Duration commitTimeout) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no ledger node configured");
        }
        this.nodes = List.copyOf(nodes);
        this.timeout = timeout;
        this.commitTimeout = commitTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** Parses a comma- or whitespace-separated list of node URLs ({@code http://host:port}, {@code tcp://} accepted). */
    public static List<URI> parseNodes(String text) throws LedgerException {
        List<URI> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                String s = part.trim().replaceFirst("^tcp://", "http://");
                try {
                    URI u = URI.create(s.endsWith("/") ? s : s + "/");
                    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                        throw new IllegalArgumentException("not an http(s) URL");
                    }
                    out.add(u);
                } catch (IllegalArgumentException e) {
                    throw new LedgerException(
                            Kind.CONFIGURATION, "bad ledger node URL '" + part + "': " + e.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new LedgerException(Kind.CONFIGURATION, "no ledger node URL configured");
        }
        return out;
    }

    public List<URI> nodes() {
        return nodes;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The websocket endpoint of a node ({@code ws://host:port/websocket}). */
    public static URI websocket(URI node) {
        String scheme = "https".equals(node.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + node.getRawAuthority() + "/websocket");
    }

    // ---------------------------------------------------------------- typed calls

    public BroadcastResult broadcastSync(byte[] tx) throws LedgerException {
        return Answers.broadcast(
                call("broadcast_tx_sync", Json.createObjectBuilder().add("tx", base64(tx)), timeout));
    }

    /**
     * {@code broadcast_tx_commit}, then the committed block, for the transaction's index in it so the events get their
     * ids. The block, not the {@code tx} index: CometBFT indexes transactions asynchronously, so a {@code tx} lookup
     * right after the commit can still answer "not found", while the block is stored before the commit is answered.
     * If the block cannot be read, the outcome is returned without events (the code and log stay).
     */
    public CommitResult broadcastCommit(byte[] tx) throws LedgerException {
        JsonObject r;
        try {
            r = call("broadcast_tx_commit", Json.createObjectBuilder().add("tx", base64(tx)), commitTimeout);
        } catch (LedgerException e) {
            if (e.kind() == Kind.RPC_ERROR
                    && e.getMessage().contains("timed out waiting for tx to be included in a block")) {
                // CometBFT's answer when CheckTx passed but no block took the tx within its own
                // timeout_broadcast_tx_commit
                throw new LedgerException(
                        Kind.NOT_COMMITTED,
                        e.getMessage() + " (the tx may still be committed later: look it up by hash)",
                        e);
            }
            throw e;
        }
        CommitResult plain = Answers.commit(r, -1);
        if (plain.txResult() == null) {
            return plain;
        }
        try {
            int index = Answers.indexInBlock(callAtHeight("block", plain.height()), plain.hash());
            if (index >= 0) {
                return Answers.commit(r, index);
            }
            LOG.warning("committed tx " + plain.hash() + " is not in block " + plain.height());
        } catch (LedgerException e) {
            LOG.log(Level.FINE, "block " + plain.height() + " of committed tx " + plain.hash() + " unreadable", e);
        }
        return plain;
    }

    public QueryResult query(String path, byte[] data) throws LedgerException {
        JsonObjectBuilder p = Json.createObjectBuilder()
                .add("path", path == null ? "" : path)
                .add("data", data == null ? "" : HexFormat.of().formatHex(data));
        return Answers.query(call("abci_query", p, timeout));
    }

    public NodeStatus status() throws LedgerException {
        return Answers.status(call("status", Json.createObjectBuilder(), timeout));
    }

    /** A committed transaction by hash (hex); empty when the node answers that it does not know it. */
    public Optional<TxRecord> tx(String hexHash) throws LedgerException {
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(hexHash.startsWith("0x") ? hexHash.substring(2) : hexHash);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(Kind.RPC_ERROR, "not a hex transaction hash: " + hexHash);
        }
        try {
            return Optional.of(Answers.txRecord(call(
                    "tx", Json.createObjectBuilder().add("hash", base64(hash)).add("prove", false), timeout)));
        } catch (LedgerException e) {
            if (e.kind() == Kind.RPC_ERROR && e.getMessage().contains(") not found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The transactions of the block at {@code height} with their execution results ({@code block_results}), their
     * events carrying ids; the transactions' bytes and hashes come from {@code block}, read only when the block has
     * transactions. A node that has not reached {@code height} yet is asked again until the call's deadline.
     */
    public List<TxRecord> blockTxs(long height) throws LedgerException {
        JsonObject results = callAtHeight("block_results", height);
        JsonArray outcomes = Answers.array(results, "txs_results");
        if (outcomes == null || outcomes.isEmpty()) {
            return List.of();
        }
        return Answers.blockTxs(height, outcomes, callAtHeight("block", height));
    }

    /** A call for a height, repeated while the node answers that it is not there yet (it lags behind another). */
    private JsonObject callAtHeight(String method, long height) throws LedgerException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call(method, Json.createObjectBuilder().add("height", Long.toString(height)), timeout);
            } catch (LedgerException e) {
                if (e.kind() != Kind.RPC_ERROR
                        || !e.getMessage().contains("must be less than or equal to the current blockchain height")
                        || System.nanoTime() > end) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException(Kind.INTERRUPTED, method + ": interrupted", e);
            }
        }
    }

    // ---------------------------------------------------------------- transport

    /** Calls {@code method}; returns its {@code result}. */
    public JsonObject call(String method, JsonObjectBuilder params, Duration deadline) throws LedgerException {
        String body = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", ids.incrementAndGet())
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
        long end = System.nanoTime() + deadline.toNanos();
        int first = preferred.get();
        LedgerException last = null;
        for (int attempt = 0; attempt < nodes.size(); attempt++) {
            int i = (first + attempt) % nodes.size();
            URI node = nodes.get(i);
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new LedgerException(
                        Kind.TIMEOUT,
                        method + ": no answer within " + deadline.toMillis() + " ms"
                                + (last == null ? "" : " (last: " + last.getMessage() + ")"),
                        last);
            }
            HttpRequest request = HttpRequest.newBuilder(node)
                    .timeout(Duration.ofNanos(left))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpConnectTimeoutException e) {
                last = new LedgerException(
                        Kind.UNAVAILABLE, method + ": " + node + " did not accept a connection in time", e);
                continue;
            } catch (HttpTimeoutException e) {
                last = new LedgerException(
                        Kind.TIMEOUT,
                        method + ": " + node + " did not answer within " + deadline.toMillis() + " ms",
                        e);
                continue;
            } catch (IOException e) {
                last = new LedgerException(Kind.UNAVAILABLE, method + ": " + node + " unreachable: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException(Kind.INTERRUPTED, method + ": interrupted", e);
            }
            JsonObject answer = parse(response.body());
            if (answer == null || !answer.containsKey("result") && !answer.containsKey("error")) {
                last = new LedgerException(
                        response.statusCode() == 200 ? Kind.MALFORMED_RESPONSE : Kind.UNAVAILABLE,
                        method + ": " + node + " answered HTTP " + response.statusCode()
                                + " without a JSON-RPC answer");
                continue;
            }
            preferred.set(i);
            return result(method, answer);
        }
        throw last;
    }

    /** The {@code result} of a JSON-RPC answer, or its {@code error} as {@link Kind#RPC_ERROR}. */
    public static JsonObject result(String method, JsonObject answer) throws LedgerException {
        JsonValue error = answer.get("error");
        if (error != null && error != JsonValue.NULL) {
            if (error instanceof JsonObject e) {
                String data = e.get("data") instanceof JsonString s ? s.getString() : "";
                throw new LedgerException(
                        Kind.RPC_ERROR,
                        method + ": " + Answers.string(e, "message") + (data.isEmpty() ? "" : ": " + data) + " (code "
                                + Answers.number(e, "code") + ")");
            }
            throw new LedgerException(Kind.RPC_ERROR, method + ": " + error);
        }
        JsonObject result = Answers.object(answer, "result");
        if (result == null) {
            throw Answers.malformed(method + ": answer without result");
        }
        return result;
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            return v instanceof JsonObject o ? o : null;
        } catch (JsonException e) {
            return null;
        }
    }

    /** Parses a JSON object (for websocket frames); {@link Kind#MALFORMED_RESPONSE} if it is not one. */
    public static JsonObject parseObject(String text) throws LedgerException {
        JsonObject o = parse(text);
        if (o == null) {
            throw Answers.malformed(
                    "not a JSON object: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
        return o;
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
