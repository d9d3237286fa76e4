package nym.directory.interfaces.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import nym.directory.api.DirectoryException;
import nym.directory.api.Json;
import nym.directory.api.Keys;

/** Reading and checking request bodies: size limit, JSON, fields. Every refusal is a 4xx problem. */
final class Bodies {

    /** {@code host:port}: a DNS name, IPv4 or bracketed IPv6 literal, and a port. */
    private static final Pattern HOST_PORT =
            Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,252})):([0-9]{1,5})$");

    private static final Pattern TEXT = Pattern.compile("^[\\p{L}\\p{N}\\p{P}\\p{Zs}+=<>^`|~$]*$");

    /** How much of an oversized body is read and discarded before answering 413. */
    static final long DRAIN_BYTES = 1 << 20;

    private Bodies() {}

    /**
     * The body's bytes, refusing more than {@code limit} (413) and an empty body (400). An oversized body is read and
     * discarded up to {@link #DRAIN_BYTES} first, so the client (still sending) gets the 413 rather than a reset.
     */
    static byte[] read(InputStream in, long declaredLength, int limit) {
        long drainCap = Math.max(16L * limit, DRAIN_BYTES);
        if (declaredLength > drainCap) {
            throw new ProblemException(
                    413, "body of " + declaredLength + " bytes exceeds the limit of " + limit + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 4096));
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > drainCap) {
                    break;
                }
                if (total <= limit) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new ProblemException(400, "could not read the body: " + e.getMessage());
        }
        if (total > limit) {
            throw new ProblemException(413, "body exceeds the limit of " + limit + " bytes");
        }
        if (out.size() == 0) {
            throw new ProblemException(400, "body is empty; a JSON object is required");
        }
        return out.toByteArray();
    }

    static <T> T json(byte[] body, Class<T> type) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length || body[first] != '{') {
            throw new ProblemException(400, "body must be a JSON object (" + type.getSimpleName() + ")");
        }
        try {
            T value = Json.read(body, type);
            if (value == null) {
                throw new ProblemException(400, "body must be a JSON object (" + type.getSimpleName() + ")");
            }
            return value;
        } catch (DirectoryException e) {
            throw new ProblemException(
                    400, "malformed JSON or wrong field type for " + type.getSimpleName() + ": " + rootMessage(e));
        }
    }

    static String key(String value, String field) {
        required(value, field);
        try {
            Keys.decode(value, Keys.PUBLIC_KEY_BYTES, field);
        } catch (DirectoryException e) {
            throw new ProblemException(400, e.getMessage());
        }
        return value;
    }

    static String hostPort(String value, String field) {
        required(value, field);
        var m = HOST_PORT.matcher(value);
        if (value.length() > 255
                || !m.matches()
                || Integer.parseInt(m.group(3)) > 65535
                || Integer.parseInt(m.group(3)) == 0) {
            throw new ProblemException(400, field + " must be host:port (DNS name, IPv4 or [IPv6], port 1..65535)");
        }
        return value;
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(400, field + " is missing");
        }
        return value;
    }

    /** Optional free text: at most {@code max} characters, printable. */
    static String text(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max || !TEXT.matcher(value).matches()) {
            throw new ProblemException(400, field + " must be printable text of at most " + max + " characters");
        }
        return value;
    }

    static List<String> list(List<String> values, String field, int maxItems, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw new ProblemException(400, field + " has more than " + maxItems + " entries");
        }
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new ProblemException(400, field + " has an empty entry");
            }
            text(v, field + " entry", maxLength);
        }
        return List.copyOf(values);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
