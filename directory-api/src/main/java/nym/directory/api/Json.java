package nym.directory.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;

/** JSON-B for the wire records (one shared, thread-safe instance). */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private Json() {}

    public static byte[] write(Object value) {
        try {
            return JSONB.toJson(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new DirectoryException(DirectoryException.Kind.JSON, "cannot write JSON: " + e.getMessage(), 0, e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSONB.fromJson(new String(json, StandardCharsets.UTF_8), type);
        } catch (JsonbException e) {
            throw new DirectoryException(DirectoryException.Kind.JSON, "cannot read JSON: " + e.getMessage(), 0, e);
        }
    }
}
