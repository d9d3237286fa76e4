package nym.directory.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CometBFT's /status read for its height; an error status, another body or no listener fail the future. */
class HttpLedgerHeightProbeTest {

    private final HttpLedgerHeightProbe probe = new HttpLedgerHeightProbe();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void latestHeight_cometStatus_itsLatestBlockHeight() throws IOException {
        String rpc = serve(
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":{\"node_info\":{\"network\":\"nym\"},"
                        + "\"sync_info\":{\"latest_block_height\":\"4711\",\"catching_up\":false}}}");

        assertEquals(4711L, probe.latestHeight(rpc + "/").join());
    }

    @Test
    void latestHeight_errorStatusOrOtherBody_fails() throws IOException {
        String rpc = serve(500, "{}");
        assertTrue(failure(rpc).contains("HTTP 500"), failure(rpc));
        server.stop(0);

        String other = serve(200, "{\"result\":{}}");
        assertTrue(failure(other).contains("latest_block_height"), failure(other));
    }

    @Test
    void latestHeight_nobodyListening_fails() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertTrue(failure("http://127.0.0.1:" + port).contains("ConnectException"));
    }

    private String failure(String rpc) {
        CompletionException e = assertThrows(
                CompletionException.class, () -> probe.latestHeight(rpc).join());
        return String.valueOf(e.getCause());
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
