package nym.client.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.verification.Theta;
import nym.credential.PayloadException;
import nym.credential.ProviderAddress;

/** A service provider's API ({@code …/provider/api/providers/<k>}, provider-war/README.md). */
public final class ProviderClient {

    /** A nonce the provider issued, and the binding (its address) to prove the credential for. */
    public record Challenge(byte[] nonce, byte[] binding) {}

    /**
     * The provider's answer to a spend: accepted (with the deposit it submitted and its status: {@code pending} in a
     * block, or {@code submitted} when the ledger's answer was lost and the provider is still looking it up) or refused
     * with its reason code and explanation.
     */
    public record SpendAnswer(
            boolean accepted, String zeta, String depositId, String status, String reason, String detail) {}

    /**
     * A spend's deposit: {@code submitted} (answer lost, being looked up), {@code pending}, then {@code accepted} or
     * {@code rejected} by the verifiers, or {@code failed} (never redeemed).
     */
    public record SpendState(String status, int accepts, int rejects) {
        public boolean settled() {
            return "accepted".equals(status) || "rejected".equals(status) || "failed".equals(status);
        }
    }

    private final URI base;
    private final JsonHttp http;

    /** @param provider the provider's URL, e.g. {@code http://127.0.0.1:28080/provider/api/providers/1} */
    public ProviderClient(URI provider, Duration timeout) {
        String s = provider.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = new JsonHttp(timeout, Kind.PROVIDER);
    }

    public URI url() {
        return base;
    }

    public Challenge challenge() {
        JsonHttp.Answer a = http.post(base.resolve("nonces"), "");
        if (!a.ok() || a.body() == null) {
            throw new ClientException(Kind.PROVIDER, "the provider at " + base + " gave no nonce: " + a.problem());
        }
        try {
            return new Challenge(
                    HexFormat.of().parseHex(a.body().getString("nonce")),
                    ProviderAddress.parse(a.body().getString("binding")));
        } catch (PayloadException | RuntimeException e) {
            throw new ClientException(Kind.PROVIDER, "the provider's nonce answer does not parse", e);
        }
    }

    /** Spends Θ of a credential issued in {@code keyEpoch} (the provider checks it under that key epoch's key). */
    public SpendAnswer spend(long keyEpoch, Theta theta, int value, byte[] binding, byte[] nonce) {
        String body = Json.createObjectBuilder()
                .add("key_epoch", keyEpoch)
                .add("credential", theta.toText())
                .add("value", value)
                .add("binding", ProviderAddress.format(binding))
                .add("nonce", HexFormat.of().formatHex(nonce))
                .build()
                .toString();
        JsonHttp.Answer a = http.post(base.resolve("spends"), body);
        JsonObject o = a.body();
        // 201: the deposit is in a block; 202: sent, but the ledger's answer was lost (status submitted)
        if ((a.status() == 201 || a.status() == 202) && o != null) {
            return new SpendAnswer(
                    true, o.getString("zeta"), o.getString("deposit_id", null), o.getString("status"), null, null);
        }
        String reason = o == null || o.isNull("reason") ? "HTTP_" + a.status() : o.getString("reason", "");
        return new SpendAnswer(false, null, null, null, reason, a.problem());
    }

    public SpendState state(String zetaHex) {
        JsonHttp.Answer a = http.get(base.resolve("spends/" + zetaHex));
        if (!a.ok() || a.body() == null) {
            throw new ClientException(Kind.PROVIDER, "the provider has no state for ζ " + zetaHex + ": " + a.problem());
        }
        JsonObject o = a.body();
        return new SpendState(o.getString("status"), intOrZero(o, "accepts"), intOrZero(o, "rejects"));
    }

    private static int intOrZero(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getInt(key) : 0;
    }
}
