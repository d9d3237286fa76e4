package nym.client.credential;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.CoconutException;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;

/**
 * The Coconut keys a holder trusts, read from the ledger's genesis parameters ({@code /params}: parameters, the
 * aggregated verification key, the issuer threshold t; {@code /registry}: each issuer's verification key share), never
 * from the issuers themselves: an issuer's partial credential is checked against the share the ledger registered.
 */
public record NetworkKeys(
        Parameters params, VerificationKey aggregated, int threshold, List<VerificationKeyShare> shares) {

    public static NetworkKeys fromLedger(LedgerRpc ledger) {
        JsonObject params = ledger.query("/params", new byte[0])
                .orElseThrow(() -> new ClientException(Kind.LEDGER, "the ledger has no /params"));
        JsonObject registry = ledger.query("/registry", new byte[0])
                .orElseThrow(() -> new ClientException(Kind.LEDGER, "the ledger has no /registry"));
        try {
            JsonObject coconut = params.getJsonObject("coconut");
            Parameters p = Parameters.fromBytes(base64(coconut.getString("params")));
            VerificationKey vk = VerificationKey.fromBytes(base64(coconut.getString("verification_key")));
            List<VerificationKeyShare> shares = new ArrayList<>();
            for (JsonValue issuer : registry.getJsonArray("issuers")) {
                shares.add(VerificationKeyShare.fromBytes(
                        base64(issuer.asJsonObject().getString("verification_key"))));
            }
            return new NetworkKeys(p, vk, params.getInt("issuer_threshold"), List.copyOf(shares));
        } catch (CoconutException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new ClientException(
                    Kind.LEDGER,
                    "the ledger's genesis carries no usable Coconut keys (a development genesis without a network"
                            + " tree?): " + e.getMessage(),
                    e);
        }
    }

    /** The share the ledger registered for authority {@code index}. */
    public Optional<VerificationKeyShare> share(int index) {
        return shares.stream().filter(s -> s.index() == index).findFirst();
    }

    private static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
