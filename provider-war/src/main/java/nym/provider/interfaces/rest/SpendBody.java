package nym.provider.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import nym.coconut.CoconutException;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.PayloadException;
import nym.credential.ProviderAddress;
import nym.provider.application.SpendRefused;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.application.SpendRequest;

/**
 * Reads the body of {@code POST /providers/{k}/spends}, strictly: at most {@value #MAX_BYTES} bytes of a JSON object
 * with exactly the members
 *
 * <pre>
 * {"key_epoch": 3,                       the key epoch the credential was issued under (integer ≥ 1)
 *  "credential": "coconut-theta.v1.…",   Θ with ζ, Coconut's text form
 *  "value": 10,                           the token's denomination (its public attribute)
 *  "binding": "0x…",                      the provider's address the credential was proven for
 *  "nonce": "…"}                          hex, the nonce this provider issued
 * </pre>
 *
 * Anything else is refused with {@link Reason#MALFORMED} (or {@link Reason#TOO_LARGE}) and changes nothing.
 */
public final class SpendBody {

    /** Far above a valid body (about 700 bytes) and far below anything that costs the server. */
    public static final int MAX_BYTES = 4096;

    private static final Set<String> MEMBERS = Set.of("key_epoch", "credential", "value", "binding", "nonce");

    private SpendBody() {}

    public static SpendRequest read(int provider, InputStream in) {
        return parse(provider, bounded(in));
    }

    static SpendRequest parse(int provider, byte[] body) {
        JsonObject o;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("the body is not a JSON object");
        }
        Set<String> unknown = new TreeSet<>(o.keySet());
        unknown.removeAll(MEMBERS);
        if (!unknown.isEmpty()) {
            throw malformed("unknown member(s) " + unknown);
        }
        long keyEpoch = keyEpoch(o);
        Theta theta;
        try {
            theta = Theta.fromText(text(o, "credential"));
        } catch (CoconutException e) {
            throw malformed("credential is not a Coconut Θ (coconut-theta.v1.…): " + e.getMessage());
        }
        byte[] binding;
        try {
            binding = ProviderAddress.parse(text(o, "binding"));
        } catch (PayloadException e) {
            throw malformed("binding: " + e.getMessage());
        }
        return new SpendRequest(provider, keyEpoch, theta, value(o), binding, nonce(text(o, "nonce")));
    }

    private static byte[] bounded(InputStream in) {
        try {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new SpendRefused(Reason.TOO_LARGE, "the body is larger than " + MAX_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw malformed("the body could not be read: " + e.getMessage());
        }
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (!(v instanceof JsonString s)) {
            throw malformed(name + " must be a string");
        }
        return s.getString();
    }

    /** Required: a credential is checked under its key epoch's key only, and clients from before key epochs send none. */
    private static long keyEpoch(JsonObject o) {
        JsonValue v = o.get("key_epoch");
        if (v == null) {
            throw malformed("key_epoch is missing: name the key epoch the credential was issued under");
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw malformed("key_epoch must be an integer");
        }
        try {
            long keyEpoch = n.longValueExact();
            if (keyEpoch < 1) {
                throw malformed("key_epoch must be at least 1");
            }
            return keyEpoch;
        } catch (ArithmeticException e) {
            throw malformed("key_epoch is out of range");
        }
    }

    private static long value(JsonObject o) {
        JsonValue v = o.get("value");
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw malformed("value must be an integer");
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw malformed("value is out of range");
        }
    }

    private static byte[] nonce(String hex) {
        if (hex.length() < 2 * Showing.MIN_NONCE
                || hex.length() > 2 * Showing.MAX_NONCE
                || !hex.matches("[0-9a-fA-F]+")
                || hex.length() % 2 != 0) {
            throw malformed("nonce must be " + Showing.MIN_NONCE + ".." + Showing.MAX_NONCE + " bytes in hex");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static SpendRefused malformed(String message) {
        return new SpendRefused(Reason.MALFORMED, message);
    }
}
