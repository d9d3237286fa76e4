package nym.credential.rpc;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's CometBFT JSON-RPC (v0.38; ledger-app/README.md, "Queries") for the Java SE parties of the credential
 * flow that hold no JCA connection: holders ({@code nymclient}) and gateways (mixnode-connector). Status, ABCI
 * queries, {@code broadcast_tx_commit} and {@code tx} lookups. Several nodes may be given: a call goes to the first
 * node that answers (a node that cannot be reached or answers garbage is skipped), so one validator down does not
 * stop its callers. Transaction refusals come back as {@link TxResult}s; everything else that goes wrong is a
 * {@link LedgerRpcException} naming the nodes tried.
 */
public final class LedgerRpc {

    /** What became of a broadcast transaction: code 0 committed, else the ledger's refusal code and log. */
    public record TxResult(String hash, long height, int code, String log) {
        public boolean ok() {
            return code == 0;
        }
    }

    /** The account's balance and the nonce of its next transaction. */
    public record Account(long balance, long nonce) {}

    private final List<URI> nodes;
    private final Duration timeout;
    private final HttpClient http;
    private volatile String chainId;

    public LedgerRpc(URI node, Duration timeout) {
        this(List.of(node), timeout);
    }

    /** @param nodes RPC endpoints of the ledger's nodes, tried in order (at least one) */
    public LedgerRpc(List<URI> nodes, Duration timeout) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one ledger node is needed");
        }
        this.nodes = List.copyOf(nodes);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public List<URI> nodes() {
        return nodes;
    }

    /** The chain id ({@code status} → {@code node_info.network}), asked once. */
    public String chainId() {
        if (chainId == null) {
            chainId = call("status", Json.createObjectBuilder().build())
                    .getJsonObject("node_info")
                    .getString("network");
        }
        return chainId;
    }

    /** {@code abci_query}: the JSON value at {@code path} for {@code data}, empty when the ledger has none. */
    public Optional<JsonObject> query(String path, byte[] data) {
        JsonObject response = call(
                        "abci_query",
                        Json.createObjectBuilder()
                                .add("path", path)
                                .add("data", HexFormat.of().formatHex(data))
                                .build())
                .getJsonObject("response");
        if (code(response) != 0 || !response.containsKey("value") || response.isNull("value")) {
            return Optional.empty();
        }
        JsonObject value =
                parse(new String(Base64.getDecoder().decode(response.getString("value")), StandardCharsets.UTF_8));
        if (value == null) {
            throw new LedgerRpcException("the ledger's " + path + " answer is not a JSON object");
        }
        return Optional.of(value);
    }

    /** The account's state; zero balance and nonce for an account the ledger never saw. */
    public Account account(byte[] address) {
        return query("/account", address)
                .map(o -> new Account(Long.parseLong(o.getString("balance")), Long.parseLong(o.getString("nonce"))))
                .orElse(new Account(0, 0));
    }

    /** {@code broadcast_tx_commit}: CheckTx, then the execution in the block. */
    public TxResult broadcastCommit(byte[] tx) {
        JsonObject r = call(
                "broadcast_tx_commit",
                Json.createObjectBuilder()
                        .add("tx", Base64.getEncoder().encodeToString(tx))
                        .build());
        String hash = r.getString("hash");
        JsonObject check = r.getJsonObject("check_tx");
        int checkCode = code(check);
        if (checkCode != 0) {
            return new TxResult(hash, 0, checkCode, check.getString("log", ""));
        }
        JsonObject result = r.getJsonObject("tx_result");
        return new TxResult(
                hash,
                Long.parseLong(r.getString("height", "0")),
                code(result),
                result == null ? "" : result.getString("log", ""));
    }

    /**
     * {@code tx}: the committed transaction with this hash (uppercase hex of its SHA-256), with its height and result;
     * empty when no node has it in a block.
     */
    public Optional<TxResult> tx(String hash) {
        JsonObject r;
        try {
            r = call(
                    "tx",
                    Json.createObjectBuilder()
                            .add(
                                    "hash",
                                    Base64.getEncoder()
                                            .encodeToString(HexFormat.of().parseHex(hash)))
                            .build());
        } catch (NotFound e) {
            return Optional.empty();
        }
        JsonObject result = r.getJsonObject("tx_result");
        return Optional.of(new TxResult(
                hash,
                Long.parseLong(r.getString("height", "0")),
                code(result),
                result == null ? "" : result.getString("log", "")));
    }

    private static int code(JsonObject outcome) {
        if (outcome == null || !outcome.containsKey("code") || outcome.isNull("code")) {
            return 0; // v0.38 leaves zero fields out
        }
        return outcome.getJsonNumber("code").intValue();
    }

    /** A node answered the call with an error saying it has nothing of that name (a tx not in any block). */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private JsonObject call(String method, JsonObject params) {
        String request = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
        StringBuilder failures = new StringBuilder();
        for (URI node : nodes) {
            JsonObject body;
            try {
                body = post(node, request);
            } catch (LedgerRpcException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(e.getMessage());
                continue;
            }
            if (body.containsKey("error")) {
                JsonObject error = body.getJsonObject("error");
                String text = error.getString("data", error.getString("message", "error"));
                if ("tx".equals(method) && text.contains("not found")) {
                    throw new NotFound();
                }
                throw new LedgerRpcException("the ledger node " + node + " refused " + method + ": " + text);
            }
            if (body.containsKey("result") && body.get("result") instanceof JsonObject result) {
                return result;
            }
            failures.append(failures.isEmpty() ? "" : "; ")
                    .append(node)
                    .append(" answered ")
                    .append(method)
                    .append(" without a result");
        }
        throw new LedgerRpcException("no ledger node answered " + method + ": " + failures);
    }

    private JsonObject post(URI node, String request) {
        HttpRequest r = HttpRequest.newBuilder(node)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LedgerRpcException(node + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerRpcException("interrupted while waiting for " + node, e);
        }
        JsonObject body = parse(response.body());
        if (body == null) {
            throw new LedgerRpcException(node + " answered HTTP " + response.statusCode() + " and no JSON");
        }
        return body;
    }

    private static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
