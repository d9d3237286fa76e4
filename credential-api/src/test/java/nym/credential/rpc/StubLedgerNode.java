package nym.credential.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One ledger node on 127.0.0.1 speaking CometBFT v0.38 JSON-RPC as a test scripts it: an answer per method (computed
 * from the call's params if need be), every request kept. The answer shapes are CometBFT's: 64-bit numbers as
 * strings, empty bytes as {@code null}, errors as {@code {code, message, data}} with HTTP 500.
 */
final class StubLedgerNode implements AutoCloseable {

    /** What the node sends for one call: an HTTP status and a body. */
    record Reply(int status, String body) {}

    private final HttpServer server;
    private final Map<String, Function<JsonObject, Reply>> methods = new ConcurrentHashMap<>();
    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private volatile Reply always;

    private StubLedgerNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubLedgerNode start() throws IOException {
        return new StubLedgerNode();
    }

    /** A local address nothing listens on. */
    static URI deadNode() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** {@code method} answers {@code result} (a JSON object's text). */
    StubLedgerNode result(String method, String result) {
        return reply(method, params -> ok(result));
    }

    StubLedgerNode reply(String method, Function<JsonObject, Reply> reply) {
        methods.put(method, reply);
        return this;
    }

    /** Every call gets this, whatever its method (a node that is not a ledger node). */
    StubLedgerNode always(int status, String body) {
        always = new Reply(status, body);
        return this;
    }

    /** The params of every call of {@code method} so far. */
    List<JsonObject> calls(String method) {
        return requests.stream()
                .filter(r -> method.equals(r.getString("method")))
                .map(r -> r.getJsonObject("params"))
                .toList();
    }

    int callCount() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Reply ok(String result) {
        return new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}");
    }

    /** CometBFT's answer to a call that failed ({@code data} says why). */
    static Reply error(String data) {
        return new Reply(
                500,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":\""
                        + data + "\"}}");
    }

    /** An {@code abci_query} result carrying the JSON value {@code json}. */
    static Reply queryValue(String json) {
        return ok("{\"response\":{\"code\":0,\"log\":\"exists\",\"info\":\"\",\"index\":\"0\",\"key\":null,\"value\":\""
                + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + "\",\"proofOps\":null,\"height\":\"12\",\"codespace\":\"\"}}");
    }

    /** An {@code abci_query} result with the ledger's refusal {@code code} and {@code log}, and no value. */
    static Reply queryRefused(int code, String log) {
        return ok("{\"response\":{\"code\":" + code + ",\"log\":\"" + log + "\",\"info\":\"\",\"index\":\"0\","
                + "\"key\":null,\"value\":null,\"proofOps\":null,\"height\":\"12\",\"codespace\":\"\"}}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject request = Json.createReader(new StringReader(text)).readObject();
            requests.add(request);
            Reply reply = always;
            if (reply == null) {
                Function<JsonObject, Reply> method = methods.get(request.getString("method"));
                reply = method == null
                        ? new Reply(
                                200,
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,"
                                        + "\"message\":\"Method not found\"}}")
                        : method.apply(request.getJsonObject("params"));
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
