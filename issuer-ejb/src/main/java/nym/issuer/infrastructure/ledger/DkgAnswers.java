package nym.issuer.infrastructure.ledger;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import nym.coconut.CoconutException;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.issuer.domain.DkgLedger;
import nym.issuer.domain.EpochDealings;
import nym.issuer.domain.KeyEpoch;
import nym.ledger.LedgerException.Kind;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxOutcome;

/**
 * Reads the ledger's DKG answers (ledger-app/README.md, Queries): {@code /dkg} and {@code /dkg/completed} as
 * {@link KeyEpoch}, {@code /dkg/dealings} as {@link EpochDealings}, an account's nonce from {@code /account}, and
 * what a DKG transaction's {@code broadcast_tx_commit} came to. "None yet" answers (DKG_WRONG_PHASE "no key epoch",
 * NO_ISSUING_KEY "no completed key epoch") are empty; any other refusal or an answer not in the ledger's form is an
 * exception (the participant tries again next round).
 */
final class DkgAnswers {

    private DkgAnswers() {}

    /** A {@code /dkg} or {@code /dkg/completed} answer; empty when the ledger has no such key epoch (yet). */
    static Optional<KeyEpoch> keyEpoch(QueryResult r) {
        if (r.code() == Kind.DKG_WRONG_PHASE.code() || r.code() == Kind.NO_ISSUING_KEY.code()) {
            return Optional.empty();
        }
        JsonObject o = json(r, "/dkg");
        try {
            KeyEpoch.Phase phase = KeyEpoch.Phase.valueOf(o.getString("phase").toUpperCase(Locale.ROOT));
            Optional<VerificationKey> vk = o.containsKey("verification_key")
                    ? Optional.of(VerificationKey.fromBytes(base64(o.getString("verification_key"))))
                    : Optional.empty();
            SortedMap<Integer, VerificationKeyShare> shares = new TreeMap<>();
            for (JsonObject s : objects(o, "shares")) {
                VerificationKeyShare share =
                        VerificationKeyShare.fromBytes(base64(s.getString("verification_key_share")));
                if (share.index() != s.getInt("index")) {
                    throw new IllegalStateException("share " + s.getInt("index") + " carries index " + share.index());
                }
                shares.put(share.index(), share);
            }
            SortedMap<Integer, DkgPublicKey> issuers = new TreeMap<>();
            for (JsonObject i : objects(o, "issuers")) {
                issuers.put(i.getInt("index"), DkgPublicKey.fromHex(i.getString("dkg_key")));
            }
            return Optional.of(new KeyEpoch(
                    number(o, "key_epoch"),
                    phase,
                    o.getInt("threshold"),
                    o.getInt("size"),
                    indices(o, "dealers"),
                    indices(o, "qualified"),
                    vk,
                    shares,
                    issuers));
        } catch (CoconutException | RuntimeException e) {
            throw new IllegalStateException("unreadable /dkg answer: " + e.getMessage() + ": " + o, e);
        }
    }

    /** A {@code /dkg/dealings} answer. */
    static EpochDealings dealings(QueryResult r) {
        JsonObject o = json(r, "/dkg/dealings");
        try {
            SortedMap<Integer, byte[]> dealings = new TreeMap<>();
            for (JsonObject d : objects(o, "dealings")) {
                dealings.put(d.getInt("dealer_index"), base64(d.getString("dealing")));
            }
            Set<EpochDealings.Complaint> complaints = new HashSet<>();
            for (JsonObject c : objects(o, "complaints")) {
                complaints.add(new EpochDealings.Complaint(c.getInt("dealer_index"), c.getInt("complainer_index")));
            }
            return new EpochDealings(number(o, "key_epoch"), dealings, complaints);
        } catch (RuntimeException e) {
            throw new IllegalStateException("unreadable /dkg/dealings answer: " + e.getMessage(), e);
        }
    }

    /** The account's next nonce: 0 for an account the ledger does not know yet. */
    static long nonce(QueryResult account) {
        if (account.ok() && (account.value() == null || account.value().length == 0)) {
            return 0;
        }
        JsonObject o = json(account, "/account");
        if (!o.containsKey("nonce")) {
            throw new IllegalStateException("no nonce in the /account answer: " + o);
        }
        return number(o, "nonce");
    }

    /**
     * A DKG transaction's outcome. WRONG_NONCE (another transaction of this key got in first) and UNAVAILABLE are
     * worth another try, so they are exceptions; any other refusal is the ledger's definite answer.
     */
    static DkgLedger.Submission submission(CommitResult r) {
        if (r.ok()) {
            return new DkgLedger.Submission(r.hash(), 0, "");
        }
        TxOutcome failed = r.checkTx().ok() ? r.txResult() : r.checkTx();
        if (failed == null) {
            throw new IllegalStateException("tx " + r.hash() + " passed CheckTx but has no result");
        }
        if ("nym".equals(failed.codespace())
                && (failed.code() == Kind.WRONG_NONCE.code() || failed.code() == Kind.UNAVAILABLE.code())) {
            throw new IllegalStateException("tx " + r.hash() + " not taken, to retry: " + failed.log());
        }
        return new DkgLedger.Submission(r.hash(), failed.code(), failed.codespace() + " " + failed.log());
    }

    private static JsonObject json(QueryResult r, String path) {
        if (!r.ok()) {
            throw new IllegalStateException("ledger refused the " + path + " query: " + r.log());
        }
        if (r.value() == null) {
            throw new IllegalStateException("empty " + path + " answer");
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.valueAsString()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException("unreadable " + path + " answer: " + e.getMessage(), e);
        }
    }

    /** A whole number the ledger writes as a JSON number or as decimal text (account values). */
    private static long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.longValueExact();
        }
        if (v instanceof JsonString s) {
            return Long.parseLong(s.getString());
        }
        throw new IllegalStateException("no number " + key);
    }

    private static Iterable<JsonObject> objects(JsonObject o, String key) {
        return o.containsKey(key) ? o.getJsonArray(key).getValuesAs(JsonObject.class) : List.of();
    }

    private static SortedSet<Integer> indices(JsonObject o, String key) {
        SortedSet<Integer> out = new TreeSet<>();
        if (o.containsKey(key)) {
            JsonArray a = o.getJsonArray(key);
            for (int i = 0; i < a.size(); i++) {
                out.add(a.getInt(i));
            }
        }
        return out;
    }

    private static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
