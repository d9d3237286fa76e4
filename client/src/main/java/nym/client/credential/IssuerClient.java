package nym.client.credential;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.CoconutException;
import nym.coconut.issuance.BlindedSignature;

/**
 * One authority's issuer endpoint ({@code <instance>/issuer/api}, issuer-war/README.md): the blinded partial
 * credential σ̃_i it produced for a ledger request, and the key epoch whose share signed it ({@code key_epoch}).
 */
final class IssuerClient {

    /** What one issuer said about one request. */
    sealed interface Answer {}

    /** It signed: authority i's σ̃_i under its share of {@code keyEpoch} (still to be unblinded and checked). */
    record Issued(int authority, long keyEpoch, BlindedSignature blinded) implements Answer {}

    /** Not (yet) signed: the ledger event has not reached it; ask again later. */
    record NotYet(String why) implements Answer {}

    /** It will never sign this request (refused it, or plays no issuer role): skip it. */
    record Never(String why) implements Answer {}

    private final URI base;
    private final JsonHttp http;

    IssuerClient(URI instance, Duration timeout) {
        this.base = instance.resolve("/issuer/api/");
        this.http = new JsonHttp(timeout, Kind.ISSUER);
    }

    URI base() {
        return base;
    }

    Answer partial(String requestId) {
        JsonHttp.Answer a;
        try {
            a = http.get(base.resolve("partial-credentials/" + requestId));
        } catch (ClientException e) {
            return new NotYet(e.getMessage()); // down for now: another round may find it up
        }
        return switch (a.status()) {
            case 200 -> issued(a);
            case 404 -> new NotYet("not issued yet");
            case 422 -> new Never("refused the request: " + a.problem());
            case 503 -> new Never("plays no issuer role: " + a.problem());
            default -> new NotYet("answered " + a.problem());
        };
    }

    private Answer issued(JsonHttp.Answer a) {
        if (a.body() != null && !a.body().containsKey("key_epoch")) {
            return new Never("answered a partial credential without its key_epoch (an issuer from before key epochs)");
        }
        try {
            return new Issued(
                    a.body().getInt("authority"),
                    keyEpoch(a.body().get("key_epoch")),
                    BlindedSignature.fromText(a.body().getString("blindedSignature")));
        } catch (CoconutException | RuntimeException e) {
            return new Never("answered a partial credential that does not parse");
        }
    }

    private static long keyEpoch(JsonValue v) {
        long keyEpoch = v instanceof JsonString s ? Long.parseLong(s.getString()) : ((JsonNumber) v).longValueExact();
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epoch " + keyEpoch);
        }
        return keyEpoch;
    }
}
