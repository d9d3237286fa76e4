package nym.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import nym.client.ClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local API over a real WebSocket on a free loopback port, for the holder of the run's secret only. */
class LocalApiServerTest {

    private final RecordingClient client = new RecordingClient();
    private final ApiRequestHandler handler = new ApiRequestHandler(client);
    private final ApiSecret secret = ApiSecret.generate(new SecureRandom());
    private LocalApiServer server;
    private LocalApiClient api;

    @BeforeEach
    void start() {
        server = LocalApiServer.start("127.0.0.1", 0, secret, handler);
        api = new LocalApiClient("127.0.0.1", server.address().getPort(), secret);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void websocket_malformedJson_clearErrorAndNothingSent() {
        JsonObject answer = ApiRequestHandlerTest.parse(api.exchange("{\"type\":\"send\","));
        assertEquals("error", answer.getString("type"));
        assertTrue(answer.getString("message").startsWith("malformed JSON"), answer.toString());
        assertEquals(0, client.actions());
    }

    @Test
    void websocket_send_queued() {
        JsonObject answer = ApiRequestHandlerTest.parse(
                api.exchange("{\"type\":\"send\",\"recipient\":\"r@g\",\"message\":\"hi\"}"));
        assertTrue(answer.getBoolean("ok"), answer.toString());
        assertEquals(1, client.sent.size());
    }

    @Test
    void httpStats_withTheSecret_answersTheStatsJson() {
        HttpResponse<String> response = api.stats();
        assertEquals(200, response.statusCode());
        JsonObject stats = ApiRequestHandlerTest.parse(response.body());
        assertEquals("stats", stats.getString("type"));
        assertEquals("me@gw", stats.getString("address"));
    }

    @Test
    void httpStats_withoutTheSecret_403WithTheReasonCountedInStats() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + server.address().getPort() + "/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Authorization: Bearer"), refused.body());
        JsonObject stats = ApiRequestHandlerTest.parse(api.stats().body());
        assertEquals(1, stats.getJsonObject("apiRefused").getInt("missing_secret"));
    }

    @Test
    void websocket_secretOfAnotherRun_refusedAndNothingSent() {
        LocalApiClient stale =
                new LocalApiClient("127.0.0.1", server.address().getPort(), ApiSecret.generate(new SecureRandom()));
        ClientException e = assertThrows(
                ClientException.class,
                () -> stale.exchange("{\"type\":\"send\",\"recipient\":\"r@g\",\"message\":\"hi\"}"));
        assertEquals(ClientException.Kind.API, e.kind());
        assertEquals(1, handler.refusals().count(AccessRefusals.Reason.WRONG_SECRET));
        assertEquals(0, client.actions());
    }

    @Test
    void websocket_fromABrowserPage_refusedByItsOrigin() {
        // what a page's `new WebSocket("ws://127.0.0.1:1977/")` sends: an Origin header (and no secret)
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .header("Origin", "http://attacker.example")
                        .header("Authorization", secret.authorization())
                        .buildAsync(
                                URI.create("ws://127.0.0.1:" + server.address().getPort() + "/"),
                                new WebSocket.Listener() {})
                        .get());
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(403, refused.getResponse().statusCode());
        assertEquals(1, handler.refusals().count(AccessRefusals.Reason.ORIGIN));
    }
}
