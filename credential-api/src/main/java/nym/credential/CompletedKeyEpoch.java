package nym.credential;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.CoconutException;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.credential.PayloadException.Kind;

/**
 * A key epoch whose DKG completed, as the ledger's {@code /dkg/completed} query answers it (ledger-app/README.md): the
 * Coconut group key every credential of this key epoch verifies under, and each issuer's share vk_i (the holder checks
 * an issuer's partial credential against it). Verifiers, providers and holders read the same answer with
 * {@link #fromJson(String)}, so they agree on the key of every credential.
 *
 * @param keyEpoch the key epoch, from 1
 * @param threshold t: how many partial credentials make a credential
 * @param verificationKey the group key vk
 * @param shares vk_i by issuer index (the qualified issuers and every other registered one the ledger lists)
 */
public record CompletedKeyEpoch(
        long keyEpoch,
        int threshold,
        VerificationKey verificationKey,
        SortedMap<Integer, VerificationKeyShare> shares) {

    private static final String WHAT = "/dkg/completed answer";

    public CompletedKeyEpoch {
        Objects.requireNonNull(verificationKey);
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold is at least 1");
        }
        shares = Collections.unmodifiableSortedMap(new TreeMap<>(shares));
        shares.forEach((index, share) -> {
            if (share.index() != index) {
                throw new IllegalArgumentException("share " + share.index() + " filed under index " + index);
            }
        });
    }

    /** vk_i of issuer {@code index}, if the ledger lists one. */
    public Optional<VerificationKeyShare> share(int index) {
        return Optional.ofNullable(shares.get(index));
    }

    /**
     * Reads the JSON answer: {@code key_epoch}, {@code phase} (must be {@code completed}), {@code threshold},
     * {@code verification_key} (base64 of Coconut's binary form) and {@code shares} ({@code index},
     * {@code verification_key_share}: base64 of the share's binary form, whose own index must be the listed one).
     * Numbers may be JSON numbers or decimal strings; other members are ignored. Every point is checked as Coconut
     * decodes it. MALFORMED for JSON that is not of this shape, INVALID_ELEMENT for a key that does not decode.
     */
    public static CompletedKeyEpoch fromJson(String json) throws PayloadException {
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(Objects.requireNonNull(json)))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PayloadException(Kind.MALFORMED, WHAT + " is not a JSON object", e);
        }
        long keyEpoch = number(o, "key_epoch");
        String phase = o.get("phase") instanceof JsonString s ? s.getString() : null;
        if (!"completed".equals(phase)) {
            throw new PayloadException(
                    Kind.MALFORMED, WHAT + ": key epoch " + keyEpoch + " is in phase " + phase + ", not completed");
        }
        long threshold = number(o, "threshold");
        if (keyEpoch < 1 || threshold < 1 || threshold > Integer.MAX_VALUE) {
            throw new PayloadException(
                    Kind.MALFORMED, WHAT + ": key epoch " + keyEpoch + " or threshold " + threshold + " out of range");
        }
        VerificationKey vk = decode("verification_key", () -> VerificationKey.fromBytes(base64(o, "verification_key")));
        SortedMap<Integer, VerificationKeyShare> shares = new TreeMap<>();
        if (!(o.get("shares") instanceof JsonArray list)) {
            throw new PayloadException(Kind.MALFORMED, WHAT + ": no shares list");
        }
        for (JsonValue entry : list) {
            if (!(entry instanceof JsonObject share)) {
                throw new PayloadException(Kind.MALFORMED, WHAT + ": a share is not an object");
            }
            long index = number(share, "index");
            VerificationKeyShare vkI = decode(
                    "share " + index, () -> VerificationKeyShare.fromBytes(base64(share, "verification_key_share")));
            if (vkI.index() != index || shares.put(vkI.index(), vkI) != null) {
                throw new PayloadException(
                        Kind.MALFORMED,
                        WHAT + ": share listed as index " + index + " is vk_" + vkI.index() + " or listed twice");
            }
        }
        return new CompletedKeyEpoch(keyEpoch, (int) threshold, vk, shares);
    }

    private static long number(JsonObject o, String name) throws PayloadException {
        JsonValue v = o.get(name);
        try {
            if (v instanceof JsonNumber n) {
                return n.longValueExact();
            }
            if (v instanceof JsonString s && s.getString().matches("[0-9]{1,18}")) {
                return Long.parseLong(s.getString());
            }
        } catch (ArithmeticException e) {
            // not an integer of 64 bits: refused below
        }
        throw new PayloadException(Kind.MALFORMED, WHAT + ": " + name + " is not a non-negative integer");
    }

    private static byte[] base64(JsonObject o, String name) throws PayloadException {
        if (!(o.get(name) instanceof JsonString s)) {
            throw new PayloadException(Kind.MALFORMED, WHAT + ": no " + name);
        }
        try {
            return Base64.getDecoder().decode(s.getString());
        } catch (IllegalArgumentException e) {
            throw new PayloadException(Kind.MALFORMED, WHAT + ": " + name + " is not base64", e);
        }
    }

    private interface Decode<T> {
        T decode() throws CoconutException, PayloadException;
    }

    private static <T> T decode(String what, Decode<T> decode) throws PayloadException {
        try {
            return decode.decode();
        } catch (CoconutException e) {
            throw new PayloadException(Kind.INVALID_ELEMENT, WHAT + ": " + what + ": " + e.getMessage(), e);
        }
    }
}
