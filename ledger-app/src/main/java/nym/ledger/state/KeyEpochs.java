package nym.ledger.state;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nym.coconut.CoconutException;
import nym.coconut.dkg.Complaint;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.dkg.DkgResult;
import nym.coconut.setup.Parameters;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.DkgComplaint;
import nym.ledger.tx.proto.LedgerProto.DkgDealing;
import nym.ledger.tx.proto.LedgerProto.KeyEpoch;
import nym.ledger.tx.proto.LedgerProto.KeyEpochPhase;
import nym.ledger.tx.proto.LedgerProto.Params;

/**
 * Key epochs: each runs the DKG of {@code nym.coconut.dkg} over the ledger and, once completed, holds the Coconut
 * issuing key (vk and every vk_i) that credentials of that epoch are checked against. Key epoch 1 starts in the first
 * block; phases move only at the start of a block ({@link #advance}, beside the deposit expiry), so every node moves
 * them at the same height:
 * <ul>
 *   <li>DEALING from {@code dealing_start}; closes at the first block h ≥ {@code dealing_end} (start +
 *       {@code dkg_dealing_blocks}) with at least t dealers, or at the block after the last of the n issuers dealt;
 *   <li>COMPLAINTS until {@code complaint_end} = close height + {@code dkg_complaint_blocks};
 *   <li>then QUAL = dealers − disqualified: with |QUAL| ≥ t the keys are combined from the qualified dealings and the
 *       epoch is COMPLETED, else it is FAILED and the next key epoch starts in the next block;
 *   <li>with {@code dkg_rotation_blocks} > 0, the next key epoch starts that many blocks after one completed.
 * </ul>
 * State keys (all in the app hash): {@code dkg/epoch/<n>} (KeyEpoch), {@code dkg/dealing/<n>/<dealer>} (the dealing's
 * bytes), {@code dkg/complaint/<n>/<dealer>/<complainer>} (the justified complaint's bytes), {@code dkg/latest} and
 * {@code dkg/completed} (u64 key epoch numbers).
 */
final class KeyEpochs {
    static final String LATEST = "dkg/latest";
    static final String COMPLETED = "dkg/completed";

    private KeyEpochs() {}

    static String epochKey(long epoch) {
        return "dkg/epoch/" + epoch;
    }

    static String dealingKey(long epoch, int dealer) {
        return "dkg/dealing/" + epoch + "/" + dealer;
    }

    static String complaintKey(long epoch, int dealer, int complainer) {
        return "dkg/complaint/" + epoch + "/" + dealer + "/" + complainer;
    }

    /** The key epoch numbered {@code epoch}, or null. */
    static KeyEpoch epoch(StateView s, long epoch) {
        byte[] v = s.get(epochKey(epoch));
        return v == null ? null : Executor.parse(v, KeyEpoch.parser());
    }

    /** The number stored under {@link #LATEST} or {@link #COMPLETED}; 0 when none. */
    static long pointer(StateView s, String key) {
        byte[] v = s.get(key);
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    private static void put(StateView s, KeyEpoch e) {
        s.put(epochKey(e.getEpoch()), e.toByteArray());
    }

    // ------------------------------------------------------------------ the per-block hook

    /** Moves the latest key epoch to the phase it is in at the start of block {@code height}; returns block events. */
    static List<LedgerEvent> advance(StateView s, Params p, long height) {
        long latest = pointer(s, LATEST);
        if (latest == 0) {
            return start(s, p, 1, height);
        }
        KeyEpoch e = epoch(s, latest);
        return switch (e.getPhase()) {
            case KEY_EPOCH_DEALING -> {
                boolean enough = e.getDealersCount() >= e.getThreshold() && height >= e.getDealingEnd();
                if (!enough && e.getDealersCount() < p.getIssuersCount()) {
                    yield List.of();
                }
                KeyEpoch closed = e.toBuilder()
                        .setPhase(KeyEpochPhase.KEY_EPOCH_COMPLAINTS)
                        .setComplaintEnd(height + p.getDkgComplaintBlocks())
                        .build();
                put(s, closed);
                yield List.of(phaseEvent(closed));
            }
            case KEY_EPOCH_COMPLAINTS -> height >= e.getComplaintEnd() ? conclude(s, p, e, height) : List.of();
            case KEY_EPOCH_FAILED -> start(s, p, latest + 1, height);
            case KEY_EPOCH_COMPLETED ->
                p.getDkgRotationBlocks() > 0 && height >= e.getCompletedHeight() + p.getDkgRotationBlocks()
                        ? start(s, p, latest + 1, height)
                        : List.of();
            case UNRECOGNIZED -> throw new LedgerException(Kind.STORAGE, "key epoch " + latest + " has no phase");
        };
    }

    private static List<LedgerEvent> start(StateView s, Params p, long epoch, long height) {
        KeyEpoch e = KeyEpoch.newBuilder()
                .setEpoch(epoch)
                .setPhase(KeyEpochPhase.KEY_EPOCH_DEALING)
                .setThreshold(p.getIssuerThreshold())
                .setDealingStart(height)
                .setDealingEnd(height + p.getDkgDealingBlocks())
                .build();
        put(s, e);
        s.put(LATEST, ByteBuffer.allocate(8).putLong(epoch).array());
        return List.of(phaseEvent(e));
    }

    /** The end of the complaint phase: QUAL decides between COMPLETED (keys combined) and FAILED. */
    private static List<LedgerEvent> conclude(StateView s, Params p, KeyEpoch e, long height) {
        TreeSet<Integer> qualified = new TreeSet<>(e.getDealersList());
        qualified.removeAll(e.getDisqualifiedList());
        KeyEpoch.Builder b = e.toBuilder().addAllQualified(qualified);
        if (qualified.size() < e.getThreshold()) {
            KeyEpoch failed = b.setPhase(KeyEpochPhase.KEY_EPOCH_FAILED).build();
            put(s, failed);
            return List.of(phaseEvent(failed));
        }
        SortedMap<Integer, Dealing> dealings = new TreeMap<>();
        for (int dealer : qualified) {
            dealings.put(dealer, storedDealing(s, p, e, dealer));
        }
        DkgResult result;
        try {
            result = DkgResult.combine(dealings);
        } catch (CoconutException ex) {
            // every dealing was checked for this t and n when it was accepted: a failure here is a broken invariant
            throw new LedgerException(
                    Kind.STORAGE, "key epoch " + e.getEpoch() + " does not combine: " + ex.getMessage());
        }
        b.setPhase(KeyEpochPhase.KEY_EPOCH_COMPLETED)
                .setCompletedHeight(height)
                .setVerificationKey(ByteString.copyFrom(result.verificationKey().toBytes()));
        for (int i = 1; i <= result.size(); i++) {
            b.addVerificationKeyShares(ByteString.copyFrom(result.share(i).toBytes()));
        }
        KeyEpoch completed = b.build();
        put(s, completed);
        s.put(COMPLETED, ByteBuffer.allocate(8).putLong(e.getEpoch()).array());
        return List.of(
                phaseEvent(completed),
                LedgerEvent.of("dkg_completed")
                        .attr("key_epoch", Long.toString(e.getEpoch()))
                        .attr("qualified", join(qualified))
                        .build());
    }

    private static LedgerEvent phaseEvent(KeyEpoch e) {
        return LedgerEvent.of("dkg_phase")
                .attr("key_epoch", Long.toString(e.getEpoch()))
                .attr("phase", phaseName(e.getPhase()))
                .build();
    }

    static String phaseName(KeyEpochPhase phase) {
        return switch (phase) {
            case KEY_EPOCH_DEALING -> "dealing";
            case KEY_EPOCH_COMPLAINTS -> "complaints";
            case KEY_EPOCH_COMPLETED -> "completed";
            case KEY_EPOCH_FAILED -> "failed";
            case UNRECOGNIZED -> "unknown";
        };
    }

    /** Comma-separated, as the {@code qualified} event attribute carries indices. */
    private static String join(Iterable<Integer> indices) {
        StringBuilder sb = new StringBuilder();
        for (int i : indices) {
            sb.append(sb.length() > 0 ? "," : "").append(i);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ transactions

    /** A registered issuer's dealing: stored, its index added to the epoch's dealers. */
    static List<LedgerEvent> deal(StateView s, Params p, Transaction tx, DkgDealing d) {
        int dealer = issuerIndex(p, tx.sender());
        KeyEpoch e = inPhase(s, d.getKeyEpoch(), KeyEpochPhase.KEY_EPOCH_DEALING);
        if (e.getDealersList().contains(dealer)) {
            throw new LedgerException(
                    Kind.DKG_DUPLICATE, "issuer " + dealer + " already dealt in key epoch " + e.getEpoch());
        }
        byte[] bytes = d.getDealing().toByteArray();
        parseDealing(bytes, p, e);
        s.put(dealingKey(e.getEpoch(), dealer), bytes);
        TreeSet<Integer> dealers = new TreeSet<>(e.getDealersList());
        dealers.add(dealer);
        put(s, e.toBuilder().clearDealers().addAllDealers(dealers).build());
        return List.of(LedgerEvent.of("dkg_dealing")
                .attr("key_epoch", Long.toString(e.getEpoch()))
                .attr("dealer_index", Integer.toString(dealer))
                .build());
    }

    /**
     * A recipient's complaint against a dealing: accepted only when the ledger itself finds the share bad
     * ({@link Complaint#judge} = JUSTIFIED); the dealer is then disqualified. Anything else changes nothing, so a
     * false complaint cannot remove an honest dealer.
     */
    static List<LedgerEvent> complain(StateView s, Params p, Transaction tx, DkgComplaint c) {
        int complainer = issuerIndex(p, tx.sender());
        KeyEpoch e = inPhase(s, c.getKeyEpoch(), KeyEpochPhase.KEY_EPOCH_COMPLAINTS);
        int dealer = c.getDealerIndex();
        if (!e.getDealersList().contains(dealer)) {
            throw new LedgerException(
                    Kind.INVALID_ARGUMENT, "issuer " + dealer + " did not deal in key epoch " + e.getEpoch());
        }
        String key = complaintKey(e.getEpoch(), dealer, complainer);
        if (s.get(key) != null) {
            throw new LedgerException(
                    Kind.DKG_DUPLICATE,
                    "issuer " + complainer + " already complained against dealer " + dealer + " in key epoch "
                            + e.getEpoch());
        }
        byte[] bytes = c.getComplaint().toByteArray();
        Complaint complaint;
        try {
            complaint = Complaint.fromBytes(bytes);
        } catch (CoconutException ex) {
            throw new LedgerException(Kind.MALFORMED_DKG, "complaint " + ex.kind() + ": " + ex.getMessage());
        }
        if (complaint.recipient() != complainer) {
            throw new LedgerException(
                    Kind.UNJUSTIFIED_COMPLAINT,
                    "complaint names recipient " + complaint.recipient() + ", its sender is issuer " + complainer);
        }
        Complaint.Verdict verdict = complaint.judge(
                storedDealing(s, p, e, dealer),
                dkgKey(p, complainer),
                new DealingContext(p.getChainId(), e.getEpoch(), dealer));
        if (verdict != Complaint.Verdict.JUSTIFIED) {
            throw new LedgerException(
                    Kind.UNJUSTIFIED_COMPLAINT,
                    "complaint of issuer " + complainer + " against dealer " + dealer + ": " + verdict);
        }
        s.put(key, bytes);
        TreeSet<Integer> disqualified = new TreeSet<>(e.getDisqualifiedList());
        disqualified.add(dealer);
        put(
                s,
                e.toBuilder()
                        .clearDisqualified()
                        .addAllDisqualified(disqualified)
                        .build());
        return List.of(LedgerEvent.of("dkg_complaint")
                .attr("key_epoch", Long.toString(e.getEpoch()))
                .attr("dealer_index", Integer.toString(dealer))
                .attr("complainer_index", Integer.toString(complainer))
                .build());
    }

    /** The latest completed key epoch, for a credential request; NO_ISSUING_KEY before the first completes. */
    static long requireCompleted(StateView s) {
        long completed = pointer(s, COMPLETED);
        if (completed == 0) {
            throw new LedgerException(Kind.NO_ISSUING_KEY, "no key epoch has completed yet: no issuing key exists");
        }
        return completed;
    }

    // ------------------------------------------------------------------ helpers

    /** The sender's issuer index (position in genesis issuers + 1), or UNKNOWN_ISSUER. */
    private static int issuerIndex(Params p, byte[] sender) {
        ByteString address = ByteString.copyFrom(sender);
        for (int i = 0; i < p.getIssuersCount(); i++) {
            if (p.getIssuers(i).getAddress().equals(address)) {
                return i + 1;
            }
        }
        throw new LedgerException(Kind.UNKNOWN_ISSUER, Hex.prefixed(sender) + " is not a registered issuer");
    }

    private static KeyEpoch inPhase(StateView s, long epoch, KeyEpochPhase phase) {
        KeyEpoch e = epoch(s, epoch);
        if (e == null) {
            throw new LedgerException(Kind.DKG_WRONG_PHASE, "no key epoch " + Long.toUnsignedString(epoch));
        }
        if (e.getPhase() != phase) {
            throw new LedgerException(
                    Kind.DKG_WRONG_PHASE,
                    "key epoch " + epoch + " is in phase " + phaseName(e.getPhase()) + ", not " + phaseName(phase));
        }
        return e;
    }

    private static Dealing storedDealing(StateView s, Params p, KeyEpoch e, int dealer) {
        try {
            return parseDealing(s.get(dealingKey(e.getEpoch(), dealer)), p, e);
        } catch (LedgerException ex) {
            throw new LedgerException(Kind.STORAGE, "stored dealing " + dealer + " unreadable: " + ex.getMessage());
        }
    }

    private static Dealing parseDealing(byte[] bytes, Params p, KeyEpoch e) {
        try {
            return Dealing.fromBytes(bytes, coconutParams(p), e.getThreshold(), p.getIssuersCount());
        } catch (CoconutException ex) {
            throw new LedgerException(Kind.MALFORMED_DKG, "dealing " + ex.kind() + ": " + ex.getMessage());
        }
    }

    private static DkgPublicKey dkgKey(Params p, int index) {
        try {
            return DkgPublicKey.fromBytes(p.getIssuers(index - 1).getDkgKey().toByteArray());
        } catch (CoconutException ex) {
            throw new LedgerException(Kind.STORAGE, "registered DKG key of issuer " + index + " unreadable");
        }
    }

    /** Genesis' Coconut parameters, parsed once per distinct bytes (they never change on a chain). */
    private static Parameters coconutParams(Params p) {
        byte[] bytes = p.getCoconutParams().toByteArray();
        ParsedParams cached = lastParams;
        if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
            return cached.parsed();
        }
        try {
            Parameters parsed = Parameters.fromBytes(bytes);
            lastParams = new ParsedParams(bytes, parsed);
            return parsed;
        } catch (CoconutException ex) {
            throw new LedgerException(Kind.STORAGE, "stored Coconut parameters unreadable");
        }
    }

    private record ParsedParams(byte[] bytes, Parameters parsed) {}

    private static volatile ParsedParams lastParams;
}
