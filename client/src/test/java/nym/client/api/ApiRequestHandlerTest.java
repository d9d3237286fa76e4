package nym.client.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestHandlerTest {

    private final RecordingClient client = new RecordingClient();
    private final ApiRequestHandler handler = new ApiRequestHandler(client);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"send\",\"recipient\":\"x\",\"message\":\"hi\"",
                "not json at all",
                "",
                "[\"send\"]",
                "\"send\"",
                "{}",
                "{\"type\":7}",
                "{\"type\":\"launch\"}",
                "{\"type\":\"send\",\"message\":\"hi\"}",
                "{\"type\":\"send\",\"recipient\":5,\"message\":\"hi\"}",
                "{\"type\":\"send\",\"recipient\":\"x\"}",
                "{\"type\":\"send\",\"recipient\":\"x\",\"message\":\"hi\",\"messageBase64\":\"aGk=\"}",
                "{\"type\":\"send\",\"recipient\":\"x\",\"messageBase64\":\"***\"}",
                "{\"type\":\"send\",\"recipient\":\"x\",\"message\":\"hi\",\"withReplySurb\":\"yes\"}",
                "{\"type\":\"send\",\"recipient\":\"x\",\"message\":\"hi\",\"priority\":1}",
                "{\"type\":\"send\",\"recipient\":\"bad-address\",\"message\":\"hi\"}",
                "{\"type\":\"reply\",\"message\":\"hi\"}",
            })
    void handle_badRequest_errorAnswerAndNothingSent(String request) {
        JsonObject answer = parse(handler.handle(request));
        assertEquals("error", answer.getString("type"));
        assertFalse(answer.getString("message").isBlank());
        assertEquals(0, client.actions());
    }

    @Test
    void handle_malformedJson_errorSaysSo() {
        JsonObject answer = parse(handler.handle("{\"type\":"));
        assertTrue(answer.getString("message").startsWith("malformed JSON"), answer.toString());
    }

    @Test
    void handle_oversizedRequest_refusedBeforeParsing() {
        String big = "{\"type\":\"send\",\"recipient\":\"x\",\"message\":\""
                + "a".repeat(ApiRequestHandler.MAX_REQUEST_CHARS) + "\"}";
        JsonObject answer = parse(handler.handle(big));
        assertTrue(answer.getString("message").contains("exceeds"), answer.toString());
        assertEquals(0, client.actions());
    }

    @Test
    void handle_sendText_queuedAsUtf8() {
        JsonObject answer = parse(handler.handle(
                "{\"type\":\"send\",\"recipient\":\"r@g\",\"message\":\"grüße\",\"withReplySurb\":true}"));
        assertTrue(answer.getBoolean("ok"));
        assertEquals(1, client.sent.size());
        assertArrayEquals(
                "grüße".getBytes(StandardCharsets.UTF_8), client.sent.get(0).message());
        assertTrue(client.sent.get(0).withSurb());
    }

    @Test
    void handle_sendBase64_queuedAsBytes() {
        byte[] bytes = {0, (byte) 0xff, 1};
        handler.handle("{\"type\":\"send\",\"recipient\":\"r@g\",\"messageBase64\":\""
                + Base64.getEncoder().encodeToString(bytes) + "\"}");
        assertArrayEquals(bytes, client.sent.get(0).message());
    }

    @Test
    void handle_fetch_textAndBinaryMessagesWithReplyHandles() {
        client.inbox.add(RecordingClient.received("hello".getBytes(StandardCharsets.UTF_8), "h1"));
        client.inbox.add(RecordingClient.received(new byte[] {(byte) 0xc3}, null));
        JsonObject answer = parse(handler.handle("{\"type\":\"fetch\"}"));
        var messages = answer.getJsonArray("messages");
        assertEquals(2, messages.size());
        assertEquals("hello", messages.getJsonObject(0).getString("message"));
        assertEquals("h1", messages.getJsonObject(0).getString("replySurb"));
        assertFalse(messages.getJsonObject(1).containsKey("message"), "invalid UTF-8 only as base64");
        assertEquals("ww==", messages.getJsonObject(1).getString("messageBase64"));
    }

    @Test
    void handle_getClients_unknownTypeError() {
        // the topology names no clients (issue 17), so there is no client list to give
        JsonObject answer = parse(handler.handle("{\"type\":\"getClients\"}"));
        assertEquals("error", answer.getString("type"));
        assertTrue(answer.getString("message").startsWith("unknown type \"getClients\""), answer.toString());
    }

    @Test
    void handle_ownDetailsAndStats_answered() {
        assertEquals("me@gw", parse(handler.handle("{\"type\":\"ownDetails\"}")).getString("address"));
        JsonObject stats = parse(handler.handle("{\"type\":\"stats\"}"));
        assertTrue(stats.getJsonObject("loops").isNull("reliability"), "nothing measured yet is null, not NaN");
        JsonObject topology = stats.getJsonObject("topology");
        assertEquals(1, topology.getInt("epoch"));
        assertEquals(2, topology.getJsonNumber("validUntil").longValue());
        assertEquals(
                1.0, topology.getJsonObject("mixing").getJsonNumber("loopRate").doubleValue());
    }

    @Test
    void handle_reply_passedWithItsHandle() {
        assertTrue(parse(handler.handle("{\"type\":\"reply\",\"replySurb\":\"h1\",\"message\":\"ok\"}"))
                .getBoolean("ok"));
        assertEquals("h1", client.replies.get(0));
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
