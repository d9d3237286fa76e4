package nym.ledger.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * A small JSON-RPC 2.0 client of one CometBFT node (POST to its RPC address), for tools and tests that watch a
 * chain: status, heights, blocks, queries. Services reach the ledger through ledger-jca instead.
 */
public final class CometRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final URI uri;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    public CometRpc(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    public URI uri() {
        return uri;
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** The {@code result} of a call; a JSON-RPC error or an unreachable node is a {@link LedgerException}. */
    public JsonNode result(String method, ObjectNode params) {
        JsonNode answer = call(method, params);
        if (answer.has("error")) {
            throw new LedgerException(Kind.PROTOCOL, method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** The whole answer envelope (result or error). */
    public JsonNode call(String method, ObjectNode params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        request.set("params", params == null ? params() : params);
        try {
            HttpResponse<byte[]> r = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new LedgerException(Kind.UNAVAILABLE, uri + " " + method + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Kind.UNAVAILABLE, uri + " " + method + ": interrupted");
        }
    }

    /** The JSON value of an {@code abci_query} (ledger-app README, "Queries"); {@code data} in hex. */
    public JsonNode query(String path, String dataHex) {
        ObjectNode p = params();
        p.put("path", path);
        p.put("data", dataHex);
        JsonNode response = result("abci_query", p).path("response");
        String value = response.path("value").asText("");
        if (response.path("code").asInt() != 0 || value.isEmpty()) {
            throw new LedgerException(Kind.BAD_QUERY, "query " + path + " failed: " + response);
        }
        try {
            return JSON.readTree(java.util.Base64.getDecoder().decode(value));
        } catch (IOException e) {
            throw new LedgerException(Kind.BAD_QUERY, "query " + path + ": the value is not JSON");
        }
    }

    /** {@code status → sync_info.latest_block_height}. */
    public long latestHeight() {
        return result("status", null)
                .get("sync_info")
                .get("latest_block_height")
                .asLong();
    }

    /** The app hash the block at {@code height} carries (the state after height − 1), uppercase hex. */
    public String appHashInBlock(long height) {
        ObjectNode p = params();
        p.put("height", Long.toString(height));
        return result("block", p).get("block").get("header").get("app_hash").asText();
    }
}
