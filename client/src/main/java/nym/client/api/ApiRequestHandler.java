package nym.client.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import nym.client.ClientException;
import nym.client.qos.LoopReport;
import nym.client.runtime.ClientStatus;
import nym.client.runtime.ReceivedMessage;
import nym.client.traffic.TrafficCounters;

/**
 * The local API's messages (README, "Local WebSocket API"): one JSON request in, one JSON answer out. Every request is
 * checked completely before anything is done, so a malformed one gets a {@code {"type":"error"}} answer and sends
 * nothing.
 */
public final class ApiRequestHandler {

    /** Largest request accepted (a message is at most a couple of KiB; base64 makes it 4/3 longer). */
    public static final int MAX_REQUEST_CHARS = 64 * 1024;
    /** Messages one {@code fetch} returns at most. */
    public static final int FETCH_LIMIT = 1000;

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "send", Set.of("type", "recipient", "message", "messageBase64", "withReplySurb"),
            "reply", Set.of("type", "replySurb", "message", "messageBase64"),
            "fetch", Set.of("type"),
            "ownDetails", Set.of("type"),
            "stats", Set.of("type"));

    private final ClientOperations client;
    private final AccessRefusals refusals = new AccessRefusals();

    public ApiRequestHandler(ClientOperations client) {
        this.client = client;
    }

    /** Answers one request; never throws. */
    public String handle(String request) {
        try {
            return answer(parse(request)).toString();
        } catch (ClientException e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            return error("internal error: " + e.getClass().getSimpleName());
        }
    }

    /** Requests the local API refused, by reason (counted by the server's access guard, reported in stats). */
    public AccessRefusals refusals() {
        return refusals;
    }

    /** The {@code stats} answer (also served as {@code GET /stats}). */
    public String stats() {
        return statsJson(client.status(), refusals).toString();
    }

    private JsonObject answer(JsonObject request) {
        String type = request.getString("type");
        return switch (type) {
            case "send" -> {
                String recipient = string(request, "recipient");
                byte[] message = message(request);
                boolean withSurb = bool(request, "withReplySurb");
                client.send(recipient, message, withSurb);
                yield ok(type);
            }
            case "reply" -> {
                String handle = string(request, "replySurb");
                client.reply(handle, message(request));
                yield ok(type);
            }
            case "fetch" -> {
                JsonArrayBuilder messages = Json.createArrayBuilder();
                for (ReceivedMessage m : client.fetch(FETCH_LIMIT)) {
                    messages.add(received(m));
                }
                yield Json.createObjectBuilder()
                        .add("type", type)
                        .add("messages", messages)
                        .build();
            }
            case "ownDetails" ->
                Json.createObjectBuilder()
                        .add("type", type)
                        .add("address", client.address())
                        .build();
            case "stats" -> statsJson(client.status(), refusals);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }

    private static JsonObject parse(String request) {
        if (request.length() > MAX_REQUEST_CHARS) {
            throw bad("request of " + request.length() + " characters exceeds " + MAX_REQUEST_CHARS);
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(request))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw bad("malformed JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw bad("a request is a JSON object with a \"type\"");
        }
        if (!(object.get("type") instanceof JsonString type)) {
            throw bad("missing \"type\" (one of " + FIELDS.keySet() + ")");
        }
        Set<String> allowed = FIELDS.get(type.getString());
        if (allowed == null) {
            throw bad("unknown type \"" + type.getString() + "\" (one of " + FIELDS.keySet() + ")");
        }
        for (String field : object.keySet()) {
            if (!allowed.contains(field)) {
                throw bad("unknown field \"" + field + "\" for " + type.getString());
            }
        }
        return object;
    }

    private static String string(JsonObject request, String field) {
        if (!(request.get(field) instanceof JsonString s)) {
            throw bad("\"" + field + "\" must be a string");
        }
        return s.getString();
    }

    private static boolean bool(JsonObject request, String field) {
        JsonValue v = request.get(field);
        if (v == null) {
            return false;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw bad("\"" + field + "\" must be true or false");
    }

    /** Exactly one of {@code message} (text, sent as UTF-8) and {@code messageBase64} (bytes). */
    private static byte[] message(JsonObject request) {
        boolean text = request.containsKey("message");
        boolean binary = request.containsKey("messageBase64");
        if (text == binary) {
            throw bad("give exactly one of \"message\" (text) and \"messageBase64\"");
        }
        if (text) {
            return string(request, "message").getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(string(request, "messageBase64"));
        } catch (IllegalArgumentException e) {
            throw bad("\"messageBase64\" is not base64: " + e.getMessage());
        }
    }

    private static JsonObject received(ReceivedMessage m) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("messageBase64", Base64.getEncoder().encodeToString(m.message()))
                .add("reply", m.reply());
        utf8(m.message()).ifPresent(text -> o.add("message", text));
        m.replySurb().ifPresent(handle -> o.add("replySurb", handle));
        return o.build();
    }

    private static java.util.Optional<String> utf8(byte[] bytes) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    static JsonObject statsJson(ClientStatus s, AccessRefusals refused) {
        JsonObjectBuilder refusedByReason = Json.createObjectBuilder();
        for (AccessRefusals.Reason reason : AccessRefusals.Reason.values()) {
            refusedByReason.add(reason.name().toLowerCase(java.util.Locale.ROOT), refused.count(reason));
        }
        TrafficCounters.Snapshot t = s.traffic();
        LoopReport l = s.loops();
        JsonObjectBuilder nodes = Json.createObjectBuilder();
        l.perNode()
                .forEach((id, c) -> nodes.add(
                        id,
                        Json.createObjectBuilder()
                                .add("sent", c.sent())
                                .add("returned", c.returned())
                                .add("lost", c.lost())));
        JsonArrayBuilder layers = Json.createArrayBuilder();
        s.layerSizes().forEach(layers::add);
        return Json.createObjectBuilder()
                .add("type", "stats")
                .add("address", s.address())
                .add("gatewayConnected", s.gatewayConnected())
                .add("queued", s.queued())
                .add(
                        "topology",
                        Json.createObjectBuilder()
                                .add("epoch", s.epoch())
                                .add("validUntil", s.epochValidUntil())
                                .add(
                                        "mixing",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "meanHopDelayMillis",
                                                        s.mixing()
                                                                        .meanHopDelay()
                                                                        .toNanos()
                                                                / 1e6)
                                                .add("payloadRate", s.mixing().payloadRate())
                                                .add("loopRate", s.mixing().loopRate())
                                                .add("dropRate", s.mixing().dropRate()))
                                .add("layerSizes", layers)
                                .add("failures", s.topologyFailures()))
                .add(
                        "traffic",
                        Json.createObjectBuilder()
                                .add("realSent", t.realSent())
                                .add("repliesSent", t.repliesSent())
                                .add("loopsSent", t.loopsSent())
                                .add("dropsSent", t.dropsSent())
                                .add("sendFailures", t.sendFailures())
                                .add("messagesReceived", t.messagesReceived())
                                .add("repliesReceived", t.repliesReceived())
                                .add("loopsReceived", t.loopsReceived())
                                .add("unopenedReceived", t.unopenedReceived())
                                .add("malformedReceived", t.malformedReceived())
                                .add("inboxOverflow", t.inboxOverflow())
                                .add("gatewayErrors", t.gatewayErrors()))
                .add(
                        "bandwidth",
                        Json.createObjectBuilder()
                                .add("bytesLeft", s.bandwidth().balance())
                                .add("text", s.bandwidth().text())
                                .add("noBandwidth", s.bandwidth().noBandwidth())
                                .add("payments", s.bandwidth().payments())
                                .add("paymentFailures", s.bandwidth().paymentFailures()))
                .add(
                        "loops",
                        Json.createObjectBuilder()
                                .add("sent", l.sent())
                                .add("returned", l.returned())
                                .add("lost", l.lost())
                                .add("pending", l.pending())
                                .add("unknown", l.unknown())
                                .add("windowFinished", l.windowFinished())
                                .add("reliability", finite(l.reliability()))
                                .add("rttMeanMillis", finite(l.rttMeanMillis()))
                                .add("rttMedianMillis", finite(l.rttMedianMillis()))
                                .add("rttP95Millis", finite(l.rttP95Millis()))
                                .add("perNode", nodes))
                .add("apiRefused", refusedByReason)
                .build();
    }

    /** JSON has no NaN: "nothing measured yet" is null. */
    private static JsonValue finite(double d) {
        return Double.isFinite(d) ? Json.createValue(d) : JsonValue.NULL;
    }

    private static JsonObject ok(String type) {
        return Json.createObjectBuilder().add("type", type).add("ok", true).build();
    }

    private static String error(String message) {
        return Json.createObjectBuilder()
                .add("type", "error")
                .add("message", message)
                .build()
                .toString();
    }

    private static ClientException bad(String message) {
        return new ClientException(ClientException.Kind.API, message);
    }
}
