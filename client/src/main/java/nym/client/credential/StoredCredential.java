package nym.client.credential;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.SecretScalar;
import nym.coconut.Token;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Signature;
import nym.coconut.setup.Parameters;

/**
 * One credential of the holder as kept between the steps: the token's secrets (serial s, secret k), the ElGamal key
 * that unblinds the issuers' answers, the ledger request, then the aggregated signature σ with the key epoch it was
 * issued in, then where it was spent.
 * Stored by {@link Wallet} in a 0600 file; {@link #toString()} shows only public fields.
 *
 * @param requestId the credential request transaction's hash (the issuers' request id)
 * @param keyEpoch the key epoch σ was issued in (its group key verifies it) once collected, else 0
 * @param signature σ in Coconut's text form once collected, else null
 * @param zeta ζ in hex once spent, else null
 * @param provider where it was spent: the provider URL, or {@code gateway:<identity key>} for a gateway; else null
 * @param depositId the provider's deposit on the ledger, else null (a gateway's deposit is the gateway's own)
 * @param unusable why a gateway refused it for good (double spend, invalid), else null: never offered again
 */
public record StoredCredential(
        String requestId,
        int value,
        SecretScalar serial,
        SecretScalar secret,
        SecretScalar elGamal,
        long keyEpoch,
        String signature,
        String zeta,
        String provider,
        String depositId,
        String unusable) {

    /** What {@link #provider()} starts with for a credential spent at a gateway. */
    public static final String GATEWAY_PREFIX = "gateway:";

    public StoredCredential {
        if ((signature == null) != (keyEpoch == 0) || keyEpoch < 0) {
            throw new IllegalArgumentException("σ and its key epoch go together");
        }
    }

    /** A requested credential: no σ, no key epoch, not spent. */
    public static StoredCredential requested(
            String requestId, int value, SecretScalar serial, SecretScalar secret, SecretScalar elGamal) {
        return new StoredCredential(requestId, value, serial, secret, elGamal, 0, null, null, null, null, null);
    }

    public StoredCredential withSignature(long issuedInKeyEpoch, Signature sigma) {
        return new StoredCredential(
                requestId,
                value,
                serial,
                secret,
                elGamal,
                issuedInKeyEpoch,
                sigma.toText(),
                zeta,
                provider,
                depositId,
                unusable);
    }

    public StoredCredential withSpend(String newZeta, String newProvider, String newDepositId) {
        return new StoredCredential(
                requestId,
                value,
                serial,
                secret,
                elGamal,
                keyEpoch,
                signature,
                newZeta,
                newProvider,
                newDepositId,
                unusable);
    }

    /**
     * Marked so it is never offered again; {@code reason} (public: the gateway's refusal) is kept in the file as one
     * line of printable ASCII (anything else becomes {@code ?}: a gateway's text cannot add a field).
     */
    public StoredCredential withUnusable(String reason) {
        String line = reason.replaceAll("[^\\x20-\\x7e]", "?");
        return new StoredCredential(
                requestId, value, serial, secret, elGamal, keyEpoch, signature, zeta, provider, depositId, line);
    }

    /** Collected (σ held), not spent anywhere, not marked unusable: what a payment may use. */
    public boolean spendable() {
        return signature != null && zeta == null && unusable == null;
    }

    public Attributes token() {
        try {
            return Attributes.of(List.of(serial, secret), Token.publicAttributes(value));
        } catch (CoconutException e) {
            throw new ClientException(Kind.CREDENTIAL, "stored credential " + requestId + ": " + e.getMessage(), e);
        }
    }

    public ElGamalKeyPair elGamalKeyPair(Parameters params) {
        return new ElGamalKeyPair(params, elGamal);
    }

    public Optional<Signature> sigma() {
        if (signature == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Signature.fromText(signature));
        } catch (CoconutException e) {
            throw new ClientException(Kind.CREDENTIAL, "stored credential " + requestId + ": bad σ", e);
        }
    }

    /** The file text: one {@code key = value} line per field set. */
    String render() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("request_id", requestId);
        fields.put("value", Integer.toString(value));
        fields.put("serial", serial.value().toString(16));
        fields.put("secret", secret.value().toString(16));
        fields.put("elgamal", elGamal.value().toString(16));
        put(fields, "key_epoch", keyEpoch == 0 ? null : Long.toString(keyEpoch));
        put(fields, "signature", signature);
        put(fields, "zeta", zeta);
        put(fields, "provider", provider);
        put(fields, "deposit_id", depositId);
        put(fields, "unusable", unusable);
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        return b.toString();
    }

    static StoredCredential parse(String text, String what) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf(" = ");
            if (eq < 0) {
                throw new ClientException(Kind.CREDENTIAL, what + ": not a stored credential");
            }
            f.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
        }
        if (f.containsKey("signature") && !f.containsKey("key_epoch")) {
            throw new ClientException(
                    Kind.CREDENTIAL,
                    what + ": a credential from before key epochs (σ without key_epoch): it names no key epoch, so"
                            + " no provider or verifier accepts it any more; request a new credential");
        }
        try {
            return new StoredCredential(
                    required(f, "request_id", what),
                    Integer.parseInt(required(f, "value", what)),
                    scalar(required(f, "serial", what)),
                    scalar(required(f, "secret", what)),
                    scalar(required(f, "elgamal", what)),
                    f.containsKey("key_epoch") ? Long.parseLong(f.get("key_epoch")) : 0,
                    f.get("signature"),
                    f.get("zeta"),
                    f.get("provider"),
                    f.get("deposit_id"),
                    f.get("unusable"));
        } catch (IllegalArgumentException | CoconutException e) { // NumberFormatException included
            throw new ClientException(Kind.CREDENTIAL, what + ": a field does not parse", e);
        }
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static String required(Map<String, String> f, String key, String what) {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            throw new ClientException(Kind.CREDENTIAL, what + ": " + key + " is missing");
        }
        return v;
    }

    private static SecretScalar scalar(String hex) throws CoconutException {
        return SecretScalar.of(new BigInteger(hex, 16));
    }

    @Override
    public String toString() {
        return "StoredCredential[request " + requestId + ", value " + value
                + (keyEpoch == 0 ? "" : ", key epoch " + keyEpoch) + (zeta == null ? "" : ", ζ " + zeta)
                + (unusable == null ? "" : ", unusable")
                + ", secrets redacted]";
    }
}
