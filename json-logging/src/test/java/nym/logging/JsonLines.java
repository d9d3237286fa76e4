package nym.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Parses formatter output strictly: one object per LF-terminated line, ASCII only, nothing after the object. */
final class JsonLines {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonLines() {}

    static List<JsonNode> parse(String output) {
        assertTrue(output.endsWith("\n"), "every record ends its line");
        List<JsonNode> records = new ArrayList<>();
        for (String line : output.substring(0, output.length() - 1).split("\n", -1)) {
            assertFalse(line.contains("\r"), line);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "printable ASCII only: " + line);
            try {
                JsonNode node = STRICT.readTree(line);
                assertTrue(node.isObject(), line);
                records.add(node);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        }
        return records;
    }

    static JsonNode parseOne(String output) {
        List<JsonNode> records = parse(output);
        assertEquals(1, records.size(), output);
        return records.get(0);
    }
}
