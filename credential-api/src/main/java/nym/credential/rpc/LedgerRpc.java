package nym.credential.rpc;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
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
import java.util.function.Predicate;

/**
 * The ledger's CometBFT JSON-RPC (v0.38; ledger-app/README.md, "Queries") for the Java SE parties of the credential
 * flow that hold no JCA connection: holders ({@code nymclient}) and gateways (mixnode-connector). Status, ABCI
 * queries, {@code broadcast_tx_commit} and {@code tx} lookups. Several nodes may be given: a call goes to the first
 * node that answers (a node that cannot be reached or answers no JSON is skipped), so one validator down does not
 * stop its callers. Transaction refusals come back as {@link TxResult}s; everything else that goes wrong is a
 * {@link LedgerRpcException} naming the nodes tried. Thread-safe.
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

    /**
     * The ledger's code for a query it could not answer (ledger-app {@code LedgerException.Kind.UNAVAILABLE}: not
     * initialised, an internal error). Unlike the other codes it says nothing about what was asked for.
     */
    static final int UNAVAILABLE = 21;

    /** CometBFT's error text for a transaction hash no block holds. */
    private static final Predicate<String> TX_NOT_FOUND = text -> text.contains("not found");

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
            JsonObject status = call("status", Json.createObjectBuilder().build());
            chainId = RpcJson.string(RpcJson.object(status, "node_info", "status"), "network", "status");
        }
        return chainId;
    }

    /**
     * {@code abci_query}: the JSON value at {@code path} for {@code data}; empty when the ledger has none (a refusal
     * code, such as {@code NO_ISSUING_KEY} for {@code /dkg/completed}, or no value). A ledger that says it cannot
     * answer at all ({@value #UNAVAILABLE} {@code UNAVAILABLE}) is a {@link LedgerRpcException}, not an empty answer.
     */
    public Optional<JsonObject> query(String path, byte[] data) {
        JsonObject response = RpcJson.object(
                call(
                        "abci_query",
                        Json.createObjectBuilder()
                                .add("path", path)
                                .add("data", HexFormat.of().formatHex(data))
                                .build()),
                "response",
                "abci_query");
        int code = code(response, "abci_query");
        if (code == UNAVAILABLE) {
            throw new LedgerRpcException("the ledger could not answer " + path + ": " + log(response, "abci_query"));
        }
        String value = RpcJson.optionalString(response, "value", "abci_query");
        if (code != 0 || value == null || value.isEmpty()) {
            return Optional.empty();
        }
        JsonObject json =
                RpcJson.parse(new String(RpcJson.base64(value, "abci_query", "value"), StandardCharsets.UTF_8));
        if (json == null) {
            throw new LedgerRpcException("the ledger's " + path + " answer is not a JSON object");
        }
        return Optional.of(json);
    }

    /** The account's state; zero balance and nonce for an account the ledger never saw. */
    public Account account(byte[] address) {
        return query("/account", address)
                .map(o -> new Account(
                        RpcJson.requiredNumber(o, "balance", "/account"),
                        RpcJson.requiredNumber(o, "nonce", "/account")))
                .orElse(new Account(0, 0));
    }

    /** {@code broadcast_tx_commit}: CheckTx, then the execution in the block. */
    public TxResult broadcastCommit(byte[] tx) {
        String answer = "broadcast_tx_commit";
        JsonObject r = call(
                answer,
                Json.createObjectBuilder()
                        .add("tx", Base64.getEncoder().encodeToString(tx))
                        .build());
        String hash = RpcJson.string(r, "hash", answer);
        JsonObject check = RpcJson.object(r, "check_tx", answer);
        int checkCode = code(check, answer);
        if (checkCode != 0) {
            return new TxResult(hash, 0, checkCode, log(check, answer));
        }
        JsonObject result = RpcJson.optionalObject(r, "tx_result", answer);
        return new TxResult(hash, RpcJson.number(r, "height", answer), code(result, answer), log(result, answer));
    }

    /**
     * {@code tx}: the committed transaction with this hash (hex of its SHA-256, as CometBFT gives it: uppercase), with
     * its height and result; empty when no node that answered has it in a block (a node behind the others is not the
     * last word).
     */
    public Optional<TxResult> tx(String hash) {
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a transaction hash is hex, not " + hash, e);
        }
        JsonObject params = Json.createObjectBuilder()
                .add("hash", Base64.getEncoder().encodeToString(raw))
                .build();
        return ask("tx", params, TX_NOT_FOUND).map(r -> {
            JsonObject result = RpcJson.optionalObject(r, "tx_result", "tx");
            return new TxResult(hash, RpcJson.number(r, "height", "tx"), code(result, "tx"), log(result, "tx"));
        });
    }

    /** An outcome's code; 0 when it or its code is left out (v0.38 writes no zero fields). */
    private static int code(JsonObject outcome, String answer) {
        return outcome == null ? 0 : (int) RpcJson.number(outcome, "code", answer);
    }

    private static String log(JsonObject outcome, String answer) {
        String log = outcome == null ? null : RpcJson.optionalString(outcome, "log", answer);
        return log == null ? "" : log;
    }

    private JsonObject call(String method, JsonObject params) {
        // Nothing counts as absent, so an answer is a result or an exception.
        return ask(method, params, text -> false).orElseThrow();
    }

    /**
     * The {@code result} of {@code method} from the first node that gives one. A node that cannot be reached, answers
     * no JSON or no result is skipped; a node whose error {@code absent} recognises ("I have none of that") is skipped
     * too, and when no other node has a result the answer is empty. Any other error is the ledger's answer and ends
     * the call.
     */
    private Optional<JsonObject> ask(String method, JsonObject params, Predicate<String> absent) {
        String request = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
        StringBuilder failures = new StringBuilder();
        boolean saidAbsent = false;
        for (URI node : nodes) {
            JsonObject body;
            try {
                body = post(node, request);
            } catch (LedgerRpcException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the caller is stopping: no other node either
                }
                failures.append(failures.isEmpty() ? "" : "; ").append(e.getMessage());
                continue;
            }
            JsonValue error = body.get("error");
            if (error != null && error != JsonValue.NULL) {
                String text = errorText(error);
                if (absent.test(text)) {
                    saidAbsent = true;
                    continue;
                }
                throw new LedgerRpcException("the ledger node " + node + " refused " + method + ": " + text);
            }
            if (body.get("result") instanceof JsonObject result) {
                return Optional.of(result);
            }
            failures.append(failures.isEmpty() ? "" : "; ")
                    .append(node)
                    .append(" answered ")
                    .append(method)
                    .append(" without a result");
        }
        if (saidAbsent) {
            return Optional.empty();
        }
        throw new LedgerRpcException("no ledger node answered " + method + ": " + failures);
    }

    /** CometBFT puts the reason in the error's {@code data}, a summary in {@code message}. */
    private static String errorText(JsonValue error) {
        if (error instanceof JsonObject e) {
            for (String key : List.of("data", "message")) {
                if (e.get(key) instanceof JsonString text) {
                    return text.getString();
                }
            }
        }
        return error.toString();
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
        JsonObject body = RpcJson.parse(response.body());
        if (body == null) {
            throw new LedgerRpcException(node + " answered HTTP " + response.statusCode() + " and no JSON");
        }
        return body;
    }
}
