package nym.ledger.devnet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field-by-field shape comparison against the real CometBFT v0.38 captures: same keys in every object, same JSON
 * types (int64 as strings, int32 and bools as numbers/booleans); a byte field the capture has as null may be a
 * base64 string here and vice versa; objects whose keys are application-specific (event maps) are "open".
 */
final class Shapes {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixtures() {
        Path p = Path.of(System.getProperty("nym.fixtures", "../../shared/fixtures/cometbft-rpc/cometbft-v0.38"));
        // The captures are the reference these tests compare against: without them the tests fail, never skip.
        assertTrue(
                Files.isDirectory(p),
                "CometBFT fixtures not found at " + p.toAbsolutePath()
                        + " (shared/ must sit beside the project, or set -Dnym.fixtures)");
        return p;
    }

    static JsonNode fixture(String name) {
        try {
            return JSON.readTree(fixtures().resolve(name + ".response.json").toFile());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertSameShape(JsonNode expected, JsonNode actual, Set<String> openObjects) {
        compare(expected, actual, "$", openObjects, java.util.Map.of());
    }

    /**
     * As above; {@code optional} names keys (by object path) that a real node omits when zero-valued, so they
     * may appear here when non-zero.
     */
    static void assertSameShape(
            JsonNode expected, JsonNode actual, Set<String> openObjects, java.util.Map<String, Set<String>> optional) {
        compare(expected, actual, "$", openObjects, optional);
    }

    private static void compare(
            JsonNode e, JsonNode a, String path, Set<String> open, java.util.Map<String, Set<String>> optional) {
        if (a == null) {
            fail(path + ": missing");
        }
        if (e.isNull()) {
            if (!(a.isNull() || a.isTextual() || a.isArray())) {
                fail(path + ": expected null/bytes, got " + a.getNodeType());
            }
            return;
        }
        if (e.isTextual()) {
            if (!(a.isTextual() || (a.isNull() && e.asText().isEmpty()))) {
                fail(path + ": expected string, got " + a.getNodeType() + " " + a);
            }
            if (e.asText().isEmpty() && a.isNull()) {
                return;
            }
            return;
        }
        if (e.isNumber() && !a.isNumber()) {
            fail(path + ": expected number, got " + a.getNodeType() + " " + a);
        }
        if (e.isBoolean() && !a.isBoolean()) {
            fail(path + ": expected boolean, got " + a.getNodeType());
        }
        if (e.isArray()) {
            if (!a.isArray()) {
                fail(path + ": expected array, got " + a.getNodeType());
            }
            if (e.size() > 0) {
                for (int i = 0; i < a.size(); i++) {
                    compare(e.get(0), a.get(i), path + "[" + i + "]", open, optional);
                }
            }
        }
        if (e.isObject()) {
            if (!a.isObject()) {
                fail(path + ": expected object, got " + a.getNodeType());
            }
            Set<String> ek = keys(e);
            Set<String> ak = keys(a);
            if (open.contains(path)) {
                for (String k : ak) {
                    if (!a.get(k).isArray()) {
                        fail(path + "." + k + ": expected array of strings");
                    }
                }
                for (String k : Set.of("tm.event")) {
                    if (ek.contains(k) && !ak.contains(k)) {
                        fail(path + ": missing reserved key " + k);
                    }
                }
                return;
            }
            Set<String> akNoOptional = new TreeSet<>(ak);
            akNoOptional.removeAll(optional.getOrDefault(path, Set.of()));
            Set<String> ekNoOptional = new TreeSet<>(ek);
            ekNoOptional.removeAll(optional.getOrDefault(path, Set.of()));
            if (!ekNoOptional.equals(akNoOptional)) {
                Set<String> missing = new TreeSet<>(ek);
                missing.removeAll(ak);
                Set<String> extra = new TreeSet<>(ak);
                extra.removeAll(ek);
                extra.removeAll(optional.getOrDefault(path, Set.of()));
                fail(path + ": keys differ; missing " + missing + ", extra " + extra);
            }
            for (String k : ek) {
                if (!a.has(k)) {
                    continue; // optional and omitted
                }
                compare(e.get(k), a.get(k), path + "." + k, open, optional);
            }
        }
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            s.add(it.next());
        }
        return s;
    }

    private Shapes() {}
}
