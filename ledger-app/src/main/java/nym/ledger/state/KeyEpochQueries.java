package nym.ledger.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.Issuer;
import nym.ledger.tx.proto.LedgerProto.KeyEpoch;
import nym.ledger.tx.proto.LedgerProto.KeyEpochPhase;
import nym.ledger.tx.proto.LedgerProto.Params;

/**
 * The key epoch queries ({@code data}: the key epoch as ASCII decimal, or empty for the latest): {@code /dkg} (any
 * phase), {@code /dkg/completed} (only a completed one: what issuers sign with and verifiers check against) and
 * {@code /dkg/dealings} (the dealings and accepted complaints, for the issuers' own DKG work).
 */
final class KeyEpochQueries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private KeyEpochQueries() {}

    /** {@code /dkg}: the key epoch asked for, or the latest; DKG_WRONG_PHASE "no key epoch" when there is none. */
    static ObjectNode epoch(StateView s, Params p, byte[] data) {
        return render(p, existing(s, data));
    }

    /**
     * {@code /dkg/completed}: the latest completed key epoch, or the one asked for if it completed; NO_ISSUING_KEY
     * "no completed key epoch" otherwise.
     */
    static ObjectNode completed(StateView s, Params p, byte[] data) {
        long asked = epochArg(data);
        long n = asked == 0 ? KeyEpochs.pointer(s, KeyEpochs.COMPLETED) : asked;
        KeyEpoch e = n == 0 ? null : KeyEpochs.epoch(s, n);
        if (e == null || e.getPhase() != KeyEpochPhase.KEY_EPOCH_COMPLETED) {
            throw new LedgerException(
                    Kind.NO_ISSUING_KEY, asked == 0 ? "no completed key epoch" : "no completed key epoch " + asked);
        }
        return render(p, e);
    }

    /** {@code /dkg/dealings}: every stored dealing of the key epoch and its accepted complaints. */
    static ObjectNode dealings(StateView s, Params p, byte[] data) {
        KeyEpoch e = existing(s, data);
        ObjectNode o = JSON.createObjectNode().put("key_epoch", e.getEpoch());
        ArrayNode dealings = o.putArray("dealings");
        ArrayNode complaints = o.putArray("complaints");
        for (int dealer : e.getDealersList()) {
            dealings.addObject()
                    .put("dealer_index", dealer)
                    .put("dealing", BASE64.encodeToString(s.get(KeyEpochs.dealingKey(e.getEpoch(), dealer))));
            for (int complainer = 1; complainer <= p.getIssuersCount(); complainer++) {
                if (s.get(KeyEpochs.complaintKey(e.getEpoch(), dealer, complainer)) != null) {
                    complaints.addObject().put("dealer_index", dealer).put("complainer_index", complainer);
                }
            }
        }
        return o;
    }

    private static KeyEpoch existing(StateView s, byte[] data) {
        long asked = epochArg(data);
        long n = asked == 0 ? KeyEpochs.pointer(s, KeyEpochs.LATEST) : asked;
        KeyEpoch e = n == 0 ? null : KeyEpochs.epoch(s, n);
        if (e == null) {
            throw new LedgerException(Kind.DKG_WRONG_PHASE, asked == 0 ? "no key epoch" : "no key epoch " + asked);
        }
        return e;
    }

    /** The key epoch in {@code data} (ASCII decimal, ≥ 1), or 0 when empty. */
    private static long epochArg(byte[] data) {
        String text = data == null ? "" : new String(data, StandardCharsets.US_ASCII).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new LedgerException(Kind.BAD_QUERY, "key epoch must be a decimal number ≥ 1, or empty for the latest");
    }

    private static ObjectNode render(Params p, KeyEpoch e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key_epoch", e.getEpoch());
        o.put("phase", KeyEpochs.phaseName(e.getPhase()));
        o.put("threshold", e.getThreshold());
        o.put("size", p.getIssuersCount());
        o.put("dealing_start", e.getDealingStart());
        o.put("dealing_end", e.getDealingEnd());
        o.put("complaint_end", e.getComplaintEnd());
        o.put("completed_height", e.getCompletedHeight());
        indices(o.putArray("dealers"), e.getDealersList());
        indices(o.putArray("disqualified"), e.getDisqualifiedList());
        indices(o.putArray("qualified"), e.getQualifiedList());
        if (e.getPhase() == KeyEpochPhase.KEY_EPOCH_COMPLETED) {
            o.put(
                    "verification_key",
                    BASE64.encodeToString(e.getVerificationKey().toByteArray()));
            ArrayNode shares = o.putArray("shares");
            List<ByteString> vks = e.getVerificationKeySharesList();
            for (int i = 1; i <= vks.size(); i++) {
                shares.addObject()
                        .put("index", i)
                        .put(
                                "verification_key_share",
                                BASE64.encodeToString(vks.get(i - 1).toByteArray()));
            }
        }
        ArrayNode issuers = o.putArray("issuers");
        for (int i = 1; i <= p.getIssuersCount(); i++) {
            Issuer issuer = p.getIssuers(i - 1);
            issuers.addObject()
                    .put("index", i)
                    .put("address", Hex.prefixed(issuer.getAddress().toByteArray()))
                    .put("dkg_key", Hex.lower(issuer.getDkgKey().toByteArray()));
        }
        return o;
    }

    private static void indices(ArrayNode into, List<Integer> indices) {
        indices.forEach(into::add);
    }
}
