package nym.credential.rpc;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Base64;

/**
 * Reads CometBFT v0.38 JSON-RPC answers strictly: a member of the wrong shape is a {@link LedgerRpcException} naming
 * it, never a {@code ClassCastException} or a {@code NullPointerException} in the caller. CometBFT writes 64-bit
 * numbers as decimal strings and small ones as numbers, and leaves zero values and empty objects out, so numbers are
 * read in both forms and an absent number is 0.
 */
final class RpcJson {

    private RpcJson() {}

    /** {@code text} as a JSON object, {@code null} when it is empty, not JSON or not an object. */
    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** The object at {@code key}; {@code null} when absent or JSON null. */
    static JsonObject optionalObject(JsonObject o, String key, String answer) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonObject object) {
            return object;
        }
        throw malformed(answer, key, "is not an object");
    }

    static JsonObject object(JsonObject o, String key, String answer) {
        JsonObject object = optionalObject(o, key, answer);
        if (object == null) {
            throw malformed(answer, key, "is missing");
        }
        return object;
    }

    /** The string at {@code key}; {@code null} when absent or JSON null. */
    static String optionalString(JsonObject o, String key, String answer) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw malformed(answer, key, "is not a string");
    }

    static String string(JsonObject o, String key, String answer) {
        String s = optionalString(o, key, answer);
        if (s == null) {
            throw malformed(answer, key, "is missing");
        }
        return s;
    }

    /** A whole number written as a JSON number or a decimal string; 0 when absent or JSON null. */
    static long number(JsonObject o, String key, String answer) {
        JsonValue v = o.get(key);
        try {
            if (v == null || v == JsonValue.NULL) {
                return 0;
            }
            if (v instanceof JsonNumber n) {
                return n.longValueExact();
            }
            if (v instanceof JsonString s) {
                return Long.parseLong(s.getString());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw malformed(answer, key, "is not a whole number: " + v);
        }
        throw malformed(answer, key, "is not a number: " + v);
    }

    /** Like {@link #number} for a member the answer always has. */
    static long requiredNumber(JsonObject o, String key, String answer) {
        if (o.get(key) == null || o.get(key) == JsonValue.NULL) {
            throw malformed(answer, key, "is missing");
        }
        return number(o, key, answer);
    }

    static byte[] base64(String text, String answer, String key) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(answer, key, "is not base64");
        }
    }

    private static LedgerRpcException malformed(String answer, String key, String problem) {
        return new LedgerRpcException(
                "the ledger's " + answer + " answer is not what CometBFT v0.38 sends: " + key + " " + problem);
    }
}
