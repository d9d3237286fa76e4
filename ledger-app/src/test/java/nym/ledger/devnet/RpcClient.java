package nym.ledger.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Test JSON-RPC client. */
final class RpcClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final AtomicInteger ids = new AtomicInteger();

    RpcClient(java.net.InetSocketAddress address) {
        this.uri = URI.create("http://127.0.0.1:" + address.getPort() + "/");
    }

    /** The whole JSON-RPC envelope. */
    JsonNode call(String method, ObjectNode params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", "id-" + ids.incrementAndGet());
        req.put("method", method);
        req.set("params", params == null ? JSON.createObjectNode() : params);
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(r.body());
            if (!n.get("id").asText().equals(req.get("id").asText())) {
                throw new AssertionError("id not echoed: " + n);
            }
            return n;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The result, failing on an error envelope. */
    JsonNode result(String method, ObjectNode params) {
        JsonNode n = call(method, params);
        if (n.has("error")) {
            throw new AssertionError(method + " failed: " + n);
        }
        return n.get("result");
    }

    /** Posts a raw JSON-RPC body. */
    JsonNode callRaw(String body) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    JsonNode get(String pathAndQuery) {
        try {
            return JSON.readTree(getRaw(pathAndQuery).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> getRaw(String pathAndQuery) {
        try {
            return http.send(
                    HttpRequest.newBuilder(uri.resolve(pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    static ObjectNode tx(byte[] tx) {
        ObjectNode p = params();
        p.put("tx", Base64.getEncoder().encodeToString(tx));
        return p;
    }
}
