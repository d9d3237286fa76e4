package nym.directory.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Json;
import nym.directory.api.KeyPossession;
import nym.directory.api.Keys;
import nym.directory.api.MixnodePresence;

/** Reading and checking request bodies: size limit, JSON, fields. Every refusal is a 4xx problem. */
final class Bodies {

    /** {@code host:port}: a DNS name, IPv4 or bracketed IPv6 literal, and a port. */
    private static final Pattern HOST_PORT =
            Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,252})):([0-9]{1,5})$");

    private static final Pattern TEXT = Pattern.compile("^[\\p{L}\\p{N}\\p{P}\\p{Zs}+=<>^`|~$]*$");

    /** Fields taken out of a body type, with the reason the refusal gives. */
    private static final String ONE_KEY_PER_EPOCH =
            "announce one Sphinx key per epoch in sphinxKeys, with proofs of possession (issue 18)";

    private static final Map<Class<?>, Map<String, String>> RETIRED_FIELDS = Map.of(
            GatewayPresence.class,
            Map.of(
                    "registeredClients",
                    "a gateway publishes no client ids (issue 17); a client's address already names its gateway",
                    "sphinxKey",
                    ONE_KEY_PER_EPOCH),
            MixnodePresence.class,
            Map.of(
                    "layer",
                    "the authorities assign layers per epoch (issue 18); upgrade the node",
                    "sphinxKey",
                    ONE_KEY_PER_EPOCH));

    /** How many Sphinx keys a presence may announce: the current epoch's and those after it. */
    static final int MAX_SPHINX_KEYS = 4;
    /** Accepted epochs of announced keys, around the directory's current epoch (clocks differ near a boundary). */
    static final long EPOCHS_BEHIND = 1;

    static final long EPOCHS_AHEAD = 3;
    /** Proofs per key when the directory knows no authorities (no network tree): a bound on the stored text only. */
    static final int MAX_PROOFS_WITHOUT_AUTHORITIES = 16;

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

    /**
     * The body as {@code type}. A field taken out of the wire format is refused (400) whatever its value rather than
     * ignored, so a node that still sends it hears that it must be upgraded instead of publishing it unnoticed.
     */
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
            refuseRetiredFields(body, type);
            return value;
        } catch (DirectoryException e) {
            throw new ProblemException(
                    400, "malformed JSON or wrong field type for " + type.getSimpleName() + ": " + rootMessage(e));
        }
    }

    /**
     * Called once JSON-B has read the body: JSON-B reads through the same JSON-P provider, so reading the body again
     * as an object cannot fail here.
     */
    private static void refuseRetiredFields(byte[] body, Class<?> type) {
        Map<String, String> retired = RETIRED_FIELDS.getOrDefault(type, Map.of());
        if (retired.isEmpty()) {
            return;
        }
        JsonObject object;
        try (JsonReader reader = jakarta.json.Json.createReader(new ByteArrayInputStream(body))) {
            object = reader.readObject();
        }
        for (Map.Entry<String, String> field : retired.entrySet()) {
            if (object.containsKey(field.getKey())) {
                throw new ProblemException(
                        400,
                        field.getKey() + " is no longer accepted in " + type.getSimpleName() + ": " + field.getValue());
            }
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

    /**
     * A presence's announced Sphinx keys: 1..{@value #MAX_SPHINX_KEYS}, each for a distinct epoch within
     * [current − {@value #EPOCHS_BEHIND}, current + {@value #EPOCHS_AHEAD}], distinct well-formed keys, each with a
     * proofs map (authority key → tag, at most one per pinned authority when the authorities are known). The tags are
     * checked for their form only: each authority verifies its own when it signs a document.
     */
    static List<AnnouncedKey> sphinxKeys(
            List<AnnouncedKey> keys, long currentEpoch, Optional<AuthoritySet> authorities) {
        if (keys == null || keys.isEmpty()) {
            throw new ProblemException(400, "sphinxKeys is missing: " + ONE_KEY_PER_EPOCH);
        }
        if (keys.size() > MAX_SPHINX_KEYS) {
            throw new ProblemException(
                    400, "sphinxKeys holds " + keys.size() + " keys; at most " + MAX_SPHINX_KEYS + " are accepted");
        }
        long first = currentEpoch - EPOCHS_BEHIND;
        long last = currentEpoch + EPOCHS_AHEAD;
        Set<Long> epochs = new HashSet<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String field = "sphinxKeys[" + i + "]";
            AnnouncedKey k = keys.get(i);
            if (k == null) {
                throw new ProblemException(400, field + " is missing");
            }
            if (k.epoch() < first || k.epoch() > last) {
                throw new ProblemException(
                        400,
                        field + ".epoch " + k.epoch() + " is outside " + first + ".." + last
                                + " (the directory's epoch is " + currentEpoch + ")");
            }
            if (!epochs.add(k.epoch())) {
                throw new ProblemException(400, field + ".epoch " + k.epoch() + " is announced twice");
            }
            if (!distinct.add(key(k.key(), field + ".key"))) {
                throw new ProblemException(400, field + ".key is announced for two epochs");
            }
            proofs(k.proofs(), field + ".proofs", authorities);
        }
        return List.copyOf(keys);
    }

    private static void proofs(Map<String, String> proofs, String field, Optional<AuthoritySet> authorities) {
        if (proofs == null) {
            throw new ProblemException(400, field + " is missing");
        }
        int max = authorities.map(a -> a.keys().size()).orElse(MAX_PROOFS_WITHOUT_AUTHORITIES);
        if (proofs.size() > max) {
            throw new ProblemException(400, field + " holds " + proofs.size() + " proofs; at most " + max);
        }
        for (Map.Entry<String, String> proof : proofs.entrySet()) {
            String authority = key(proof.getKey(), field + " authority key");
            if (authorities.isPresent() && !authorities.get().keys().contains(authority)) {
                throw new ProblemException(400, field + " names " + authority + ", which is not a pinned authority");
            }
            try {
                Keys.decode(proof.getValue(), KeyPossession.TAG_BYTES, field + " tag for " + authority);
            } catch (DirectoryException e) {
                throw new ProblemException(400, e.getMessage());
            }
        }
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
