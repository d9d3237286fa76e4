package nym.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local API over a real WebSocket on a free loopback port. */
class LocalApiServerTest {

    private final RecordingClient client = new RecordingClient();
    private LocalApiServer server;
    private URI ws;

    @BeforeEach
    void start() {
        server = LocalApiServer.start("127.0.0.1", 0, new ApiRequestHandler(client));
        ws = URI.create("ws://127.0.0.1:" + server.address().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void websocket_malformedJson_clearErrorAndNothingSent() {
        JsonObject answer = ApiRequestHandlerTest.parse(LocalApiClient.exchange(ws, "{\"type\":\"send\","));
        assertEquals("error", answer.getString("type"));
        assertTrue(answer.getString("message").startsWith("malformed JSON"), answer.toString());
        assertEquals(0, client.actions());
    }

    @Test
    void websocket_send_queued() {
        JsonObject answer = ApiRequestHandlerTest.parse(
                LocalApiClient.exchange(ws, "{\"type\":\"send\",\"recipient\":\"r@g\",\"message\":\"hi\"}"));
        assertTrue(answer.getBoolean("ok"), answer.toString());
        assertEquals(1, client.sent.size());
    }

    @Test
    void httpStats_get_answersTheStatsJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + server.address().getPort() + "/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject stats = ApiRequestHandlerTest.parse(response.body());
        assertEquals("stats", stats.getString("type"));
        assertEquals("me@gw", stats.getString("address"));
    }
}
