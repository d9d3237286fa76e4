package nym.client.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.ledger.Hex;

/**
 * The ledger's CometBFT JSON-RPC (CometBFT v0.38; ledger-app/README.md, "Queries"), as a holder needs it: status, queries,
 * {@code broadcast_tx_commit}. Refusals come back as {@link TxResult}s; transport and protocol errors as
 * {@link ClientException} {@link Kind#LEDGER}.
 */
public final class LedgerRpc {

    /** What became of a broadcast transaction: code 0 committed, else the ledger's refusal code and log. */
    public record TxResult(String hash, long height, int code, String log) {
        public boolean ok() {
            return code == 0;
        }
    }

    private final URI endpoint;
    private final JsonHttp http;
    private String chainId;

    public LedgerRpc(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.http = new JsonHttp(timeout, Kind.LEDGER);
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
                                .add("data", Hex.lower(data))
                                .build())
                .getJsonObject("response");
        if (code(response) != 0 || !response.containsKey("value") || response.isNull("value")) {
            return Optional.empty();
        }
        String json = new String(Base64.getDecoder().decode(response.getString("value")), StandardCharsets.UTF_8);
        JsonObject value = JsonHttp.parse(json);
        if (value == null) {
            throw new ClientException(Kind.LEDGER, "the ledger's " + path + " answer is not JSON");
        }
        return Optional.of(value);
    }

    /** The account's balance and the nonce of its next transaction (zero for an account the ledger never saw). */
    public record Account(long balance, long nonce) {}

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

    private static int code(JsonObject outcome) {
        if (outcome == null || !outcome.containsKey("code") || outcome.isNull("code")) {
            return 0; // v0.38 leaves zero fields out
        }
        return outcome.getJsonNumber("code").intValue();
    }

    private JsonObject call(String method, JsonObject params) {
        String request = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
        JsonHttp.Answer answer = http.post(endpoint, request);
        if (answer.body() == null) {
            throw new ClientException(
                    Kind.LEDGER,
                    "the ledger at " + endpoint + " answered " + method + " with HTTP " + answer.status()
                            + " and no JSON");
        }
        if (answer.body().containsKey("error")) {
            JsonObject error = answer.body().getJsonObject("error");
            throw new ClientException(
                    Kind.LEDGER,
                    "the ledger refused " + method + ": "
                            + error.getString("data", error.getString("message", "error")));
        }
        return answer.body().getJsonObject("result");
    }
}
