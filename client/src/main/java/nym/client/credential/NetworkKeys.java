package nym.client.credential;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.CoconutException;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.credential.CompletedKeyEpoch;
import nym.credential.PayloadException;
import nym.credential.rpc.LedgerRpc;

/**
 * The Coconut keys a holder trusts, read from the ledger, never from the issuers themselves: the parameters
 * ({@code /params}) and one completed key epoch's group key, threshold t and each issuer's share vk_i
 * ({@code /dkg/completed}, as the DKG run over the ledger produced them). An issuer's partial credential is checked
 * against the share the ledger lists for it in that key epoch.
 */
public record NetworkKeys(Parameters params, CompletedKeyEpoch keys) {

    /** The latest completed key epoch: the one new credentials are issued in. */
    public static NetworkKeys fromLedger(LedgerRpc ledger) {
        return LedgerCalls.ask(() -> {
            Parameters params = params(ledger);
            return ledger.query("/dkg/completed", new byte[0])
                    .map(answer -> new NetworkKeys(params, read(answer)))
                    .orElseThrow(() -> notYet(ledger));
        });
    }

    /** Key epoch {@code keyEpoch}, which must have completed: the keys a credential of it is shown under. */
    public static NetworkKeys fromLedger(LedgerRpc ledger, long keyEpoch) {
        return LedgerCalls.ask(() -> {
            Parameters params = params(ledger);
            return ledger.query("/dkg/completed", Long.toString(keyEpoch).getBytes(StandardCharsets.US_ASCII))
                    .map(answer -> new NetworkKeys(params, read(answer)))
                    .filter(k -> k.keyEpoch() == keyEpoch)
                    .orElseThrow(() -> new ClientException(
                            Kind.LEDGER,
                            "key epoch " + keyEpoch + " has not completed on this ledger: no keys for it"));
        });
    }

    public long keyEpoch() {
        return keys.keyEpoch();
    }

    public int threshold() {
        return keys.threshold();
    }

    /** The group key of this key epoch. */
    public VerificationKey aggregated() {
        return keys.verificationKey();
    }

    /** The share the ledger lists for authority {@code index} in this key epoch. */
    public Optional<VerificationKeyShare> share(int index) {
        return keys.share(index);
    }

    private static Parameters params(LedgerRpc ledger) {
        JsonObject params = ledger.query("/params", new byte[0])
                .orElseThrow(() -> new ClientException(Kind.LEDGER, "the ledger has no /params"));
        try {
            return Parameters.fromBytes(
                    Base64.getDecoder().decode(params.getJsonObject("coconut").getString("params")));
        } catch (CoconutException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new ClientException(
                    Kind.LEDGER, "the ledger's genesis carries no usable Coconut parameters: " + e.getMessage(), e);
        }
    }

    private static CompletedKeyEpoch read(JsonObject answer) {
        try {
            return CompletedKeyEpoch.fromJson(answer.toString());
        } catch (PayloadException e) {
            throw new ClientException(
                    Kind.LEDGER, "the ledger's /dkg/completed answer does not read: " + e.getMessage(), e);
        }
    }

    /** Why there is no completed key epoch, from {@code /dkg} (the latest key epoch in any phase). */
    private static ClientException notYet(LedgerRpc ledger) {
        Optional<JsonObject> latest = ledger.query("/dkg", new byte[0]);
        String where = latest.map(o -> "key epoch " + text(o.get("key_epoch")) + ", phase " + text(o.get("phase")))
                .orElse("no key epoch has started");
        return new ClientException(Kind.LEDGER, "the authorities have not finished key generation yet (" + where + ")");
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : String.valueOf(v);
    }
}
