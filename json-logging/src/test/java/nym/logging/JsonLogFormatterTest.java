package nym.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    private final JsonLogFormatter formatter = new JsonLogFormatter("test");

    @AfterEach
    void clearProperty() {
        System.clearProperty(JsonLogFormatter.COMPONENT_PROPERTY);
    }

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("nym.test.Logger");
        if (params.length > 0) {
            r.setParameters(params);
        }
        return r;
    }

    @Test
    void writesEveryFieldOfAPlainRecord() {
        LogRecord r = record(Level.WARNING, "gateway link lost peer=abc retry_ms=500");
        r.setInstant(Instant.parse("2026-12-05T10:15:30.123456789Z"));

        JsonNode line = JsonLines.parseOne(formatter.format(r));

        assertEquals("2026-12-05T10:15:30.123Z", line.get("time").asText());
        assertEquals("test", line.get("component").asText());
        assertEquals("WARNING", line.get("level").asText());
        assertEquals("nym.test.Logger", line.get("logger").asText());
        assertEquals(Thread.currentThread().getName(), line.get("thread").asText());
        // key=value pieces are left in the event as they are
        assertEquals(
                "gateway link lost peer=abc retry_ms=500", line.get("event").asText());
        assertFalse(line.has("error"));
        assertEquals(List.of("time", "component", "level", "logger", "thread", "event"), List.copyOf(fieldNames(line)));
    }

    @Test
    void timeIsUtcWithMillisecondsEvenOnAWholeSecond() {
        LogRecord r = record(Level.INFO, "x");
        r.setInstant(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(
                "2026-01-01T00:00:00.000Z",
                JsonLines.parseOne(formatter.format(r)).get("time").asText());
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String message = "a \"quoted\" C:\\path\nsecond line\r\ttab\b\f nul\u0000 unit\u001f del\u007f";
        JsonNode line = JsonLines.parseOne(formatter.format(record(Level.INFO, message)));
        assertEquals(message, line.get("event").asText());
    }

    @Test
    void keepsNonAsciiTextAsEscapesAndLineSeparatorsOffTheLine() {
        String message = "caf\u00e9 \u2028 \u2029 \u20ac \ud83d\ude00";
        String out = formatter.format(record(Level.INFO, message));
        assertTrue(out.contains("\\ud83d\\ude00"), out);
        assertEquals(message, JsonLines.parseOne(out).get("event").asText());
    }

    @Test
    void replacesUnpairedSurrogates() {
        String message = "high \ud83d alone, low \ude00 alone, reversed \ude00\ud83d, at the end \ud83d";
        JsonNode line = JsonLines.parseOne(formatter.format(record(Level.INFO, message)));
        assertEquals(
                "high \ufffd alone, low \ufffd alone, reversed \ufffd\ufffd, at the end \ufffd",
                line.get("event").asText());
    }

    @Test
    void writesOneLinePerRecord() {
        StringBuilder out = new StringBuilder();
        out.append(formatter.format(record(Level.INFO, "one")));
        out.append(formatter.format(record(Level.FINE, "two\nlines")));
        out.append(formatter.format(record(Level.SEVERE, "three", new IllegalStateException("x\ny"))));
        LogRecord withError = record(Level.SEVERE, "four");
        withError.setThrown(new IOException("multi\nline\nmessage"));
        out.append(formatter.format(withError));

        List<JsonNode> lines = JsonLines.parse(out.toString());

        assertEquals(4, lines.size());
        assertEquals(
                List.of("one", "two\nlines", "three", "four"),
                lines.stream().map(l -> l.get("event").asText()).toList());
        assertEquals(
                List.of("INFO", "FINE", "SEVERE", "SEVERE"),
                lines.stream().map(l -> l.get("level").asText()).toList());
    }

    @Test
    void appliesParametersAsJulDoes() {
        JsonNode line = JsonLines.parseOne(
                formatter.format(record(Level.INFO, "epoch {0}: {1} mix nodes, peer={2}", 42, 6, "node-\"a\"")));
        assertEquals("epoch 42: 6 mix nodes, peer=node-\"a\"", line.get("event").asText());
    }

    @Test
    void leavesBracesAloneWithoutParameters() {
        JsonNode line = JsonLines.parseOne(formatter.format(record(Level.INFO, "layers {0} {a=1}")));
        assertEquals("layers {0} {a=1}", line.get("event").asText());
    }

    @Test
    void nullMessageAndLoggerAreJsonNull() {
        LogRecord r = new LogRecord(Level.INFO, null);
        JsonNode line = JsonLines.parseOne(formatter.format(r));
        assertTrue(line.get("logger").isNull());
        assertTrue(line.get("event").isNull());
    }

    @Test
    void writesTheExceptionWithItsStackAndCause() {
        IOException cause = new IOException("connection \"refused\"");
        UncheckedIOException thrown = new UncheckedIOException("link to gateway failed", cause);
        LogRecord r = record(Level.WARNING, "link down");
        r.setThrown(thrown);

        JsonNode error = JsonLines.parseOne(formatter.format(r)).get("error");

        assertEquals(UncheckedIOException.class.getName(), error.get("class").asText());
        assertEquals("link to gateway failed", error.get("message").asText());
        JsonNode stack = error.get("stack");
        assertTrue(stack.isArray());
        assertEquals(thrown.getStackTrace().length, stack.size());
        assertEquals(thrown.getStackTrace()[0].toString(), stack.get(0).asText());
        assertTrue(
                stack.get(0).asText().contains("JsonLogFormatterTest"),
                stack.get(0).asText());
        JsonNode causeNode = error.get("cause");
        assertEquals(IOException.class.getName(), causeNode.get("class").asText());
        assertEquals("connection \"refused\"", causeNode.get("message").asText());
        assertFalse(causeNode.has("cause"));
    }

    @Test
    void exceptionWithoutMessageOrStack() {
        RuntimeException thrown = new RuntimeException();
        thrown.setStackTrace(new StackTraceElement[0]);
        LogRecord r = record(Level.SEVERE, "failed");
        r.setThrown(thrown);

        JsonNode error = JsonLines.parseOne(formatter.format(r)).get("error");

        assertTrue(error.get("message").isNull());
        assertEquals(0, error.get("stack").size());
    }

    @Test
    void aCyclicCauseChainEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        LogRecord r = record(Level.SEVERE, "cycle");
        r.setThrown(a);

        JsonNode error = JsonLines.parseOne(formatter.format(r)).get("error");

        assertEquals("a", error.get("message").asText());
        assertEquals("b", error.get("cause").get("message").asText());
        assertFalse(error.get("cause").has("cause"));
    }

    @Test
    void aLongCauseChainIsCut() {
        Exception e = new Exception("0");
        for (int i = 1; i < 20; i++) {
            e = new Exception(Integer.toString(i), e);
        }
        LogRecord r = record(Level.SEVERE, "deep");
        r.setThrown(e);

        JsonNode error = JsonLines.parseOne(formatter.format(r)).get("error");

        int depth = 1;
        while (error.has("cause")) {
            error = error.get("cause");
            depth++;
        }
        assertEquals(8, depth);
    }

    @Test
    void theComponentPropertyWinsOverTheConfiguredName() {
        System.setProperty(JsonLogFormatter.COMPONENT_PROPERTY, "mix-1-1");
        JsonLogFormatter named = new JsonLogFormatter("configured");
        assertEquals("mix-1-1", named.component());
        assertEquals(
                "mix-1-1",
                JsonLines.parseOne(named.format(record(Level.INFO, "x")))
                        .get("component")
                        .asText());
    }

    @Test
    void theConfiguredNameThenNym() {
        assertEquals("configured", new JsonLogFormatter("configured").component());
        assertEquals("nym", new JsonLogFormatter(null).component());
        assertEquals("nym", new JsonLogFormatter(" ").component());
        System.setProperty(JsonLogFormatter.COMPONENT_PROPERTY, "");
        assertEquals("configured", new JsonLogFormatter("configured").component());
    }

    @Test
    void theLogManagersFormatterWithoutConfigurationIsNamedNym() {
        // the surefire JVM has no nym.logging.JsonLogFormatter.component in its logging configuration
        assertEquals("nym", new JsonLogFormatter().component());
    }

    @Test
    void aComponentNameIsEscapedToo() {
        JsonNode line = JsonLines.parseOne(new JsonLogFormatter("odd \"name\"\n").format(record(Level.INFO, "x")));
        assertEquals("odd \"name\"", line.get("component").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
