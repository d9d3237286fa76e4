package nym.issuer.application;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nym.coconut.CoconutException;
import nym.coconut.dkg.Complaint;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.dkg.DkgResult;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.issuer.domain.DkgLedger;
import nym.issuer.domain.EpochDealings;
import nym.issuer.domain.KeyEpoch;
import nym.issuer.domain.KeyEpoch.Phase;
import nym.ledger.LedgerException.Kind;

/**
 * The ledger's DKG in memory, for the participant's tests: key epochs whose phases the test moves on
 * ({@link #begin}, {@link #closeDealing}, {@link #finish}), dealings and complaints checked with the real DKG objects
 * as the ledger's rules say (a dealing must parse, one per dealer; a complaint must come from its recipient, once per
 * dealer, and be judged JUSTIFIED), and the group keys combined from QUAL. {@link #as} is issuer i's connection.
 */
final class InMemoryDkgLedger {
    static final String CHAIN = "nym-test";

    private final Parameters params;
    private final int threshold;
    private final List<DkgPublicKey> issuers;
    private final SortedMap<Long, Epoch> epochs = new TreeMap<>();
    /** Every submission the ledger received, accepted or not. */
    int submissions;
    /** How many of the next complaints to refuse (as a nonce race would). */
    int refuseComplaints;

    private static final class Epoch {
        final long number;
        Phase phase = Phase.DEALING;
        final SortedMap<Integer, byte[]> dealings = new TreeMap<>();
        final Set<EpochDealings.Complaint> complaints = new HashSet<>();
        final Set<Integer> disqualified = new TreeSet<>();
        final SortedMap<Integer, VerificationKeyShare> shares = new TreeMap<>();
        DkgResult result;

        Epoch(long number) {
            this.number = number;
        }
    }

    InMemoryDkgLedger(Parameters params, int threshold, List<DkgPublicKey> issuers) {
        this.params = params;
        this.threshold = threshold;
        this.issuers = List.copyOf(issuers);
    }

    long begin() {
        long n = epochs.isEmpty() ? 1 : epochs.lastKey() + 1;
        epochs.put(n, new Epoch(n));
        return n;
    }

    void closeDealing() {
        epochs.get(epochs.lastKey()).phase = Phase.COMPLAINTS;
    }

    /** QUAL = dealers − disqualified: COMPLETED with the combined keys if |QUAL| ≥ t, else FAILED. */
    void finish() throws CoconutException {
        Epoch e = epochs.get(epochs.lastKey());
        SortedMap<Integer, Dealing> qualified = new TreeMap<>();
        for (int j : qualified(e)) {
            qualified.put(j, Dealing.fromBytes(e.dealings.get(j), params, threshold, issuers.size()));
        }
        if (qualified.size() < threshold) {
            e.phase = Phase.FAILED;
            return;
        }
        e.result = DkgResult.combine(qualified);
        for (int i = 1; i <= issuers.size(); i++) {
            e.shares.put(i, e.result.share(i));
        }
        e.phase = Phase.COMPLETED;
    }

    /** Stores a dealing as if dealer {@code dealer} had sent it (a dishonest one, when the test made it so). */
    void storeDealing(int dealer, byte[] dealing) {
        epochs.get(epochs.lastKey()).dealings.put(dealer, dealing);
    }

    /** Makes the ledger's vk_i of the latest key epoch another index's (a ledger or a run gone wrong). */
    void replaceShare(int index, int with) {
        Epoch e = epochs.get(epochs.lastKey());
        e.shares.put(index, new VerificationKeyShare(index, e.shares.get(with).key()));
    }

    Set<EpochDealings.Complaint> complaints(long epoch) {
        return Set.copyOf(epochs.get(epoch).complaints);
    }

    Set<Integer> dealers(long epoch) {
        return Set.copyOf(epochs.get(epoch).dealings.keySet());
    }

    VerificationKeyShare share(long epoch, int index) {
        return epochs.get(epoch).shares.get(index);
    }

    private static SortedMap<Integer, byte[]> qualifiedDealings(Epoch e) {
        SortedMap<Integer, byte[]> q = new TreeMap<>(e.dealings);
        q.keySet().removeAll(e.disqualified);
        return q;
    }

    private static Set<Integer> qualified(Epoch e) {
        return qualifiedDealings(e).keySet();
    }

    private KeyEpoch view(Epoch e) {
        SortedMap<Integer, DkgPublicKey> registered = new TreeMap<>();
        for (int i = 1; i <= issuers.size(); i++) {
            registered.put(i, issuers.get(i - 1));
        }
        return new KeyEpoch(
                e.number,
                e.phase,
                threshold,
                issuers.size(),
                new TreeSet<>(e.dealings.keySet()),
                e.phase == Phase.COMPLETED ? new TreeSet<>(qualified(e)) : new TreeSet<>(),
                Optional.ofNullable(e.result).map(DkgResult::verificationKey),
                e.shares,
                registered);
    }

    /** Issuer {@code sender}'s view of this ledger: its submissions are signed by it. */
    DkgLedger as(int sender) {
        return new DkgLedger() {
            @Override
            public String chainId() {
                return CHAIN;
            }

            @Override
            public Optional<KeyEpoch> latest() {
                return epochs.isEmpty() ? Optional.empty() : Optional.of(view(epochs.get(epochs.lastKey())));
            }

            @Override
            public Optional<KeyEpoch> keyEpoch(long number) {
                return Optional.ofNullable(epochs.get(number)).map(InMemoryDkgLedger.this::view);
            }

            @Override
            public Optional<KeyEpoch> latestCompleted() {
                return epochs.values().stream()
                        .filter(e -> e.phase == Phase.COMPLETED)
                        .reduce((a, b) -> b)
                        .map(InMemoryDkgLedger.this::view);
            }

            @Override
            public EpochDealings dealings(long keyEpoch) {
                Epoch e = epochs.get(keyEpoch);
                return new EpochDealings(keyEpoch, e.dealings, e.complaints);
            }

            @Override
            public Submission submitDealing(long keyEpoch, byte[] dealing) {
                submissions++;
                Epoch e = epochs.get(keyEpoch);
                if (e == null || e.phase != Phase.DEALING) {
                    return refused(Kind.DKG_WRONG_PHASE);
                }
                if (e.dealings.containsKey(sender)) {
                    return refused(Kind.DKG_DUPLICATE);
                }
                try {
                    Dealing.fromBytes(dealing, params, threshold, issuers.size());
                } catch (CoconutException malformed) {
                    return refused(Kind.MALFORMED_DKG);
                }
                e.dealings.put(sender, dealing.clone());
                return new Submission("DEAL" + sender, 0, "");
            }

            @Override
            public Submission submitComplaint(long keyEpoch, int dealer, byte[] bytes) {
                submissions++;
                if (refuseComplaints > 0) {
                    refuseComplaints--;
                    return refused(Kind.WRONG_NONCE);
                }
                Epoch e = epochs.get(keyEpoch);
                if (e == null || e.phase != Phase.COMPLAINTS || !e.dealings.containsKey(dealer)) {
                    return refused(Kind.DKG_WRONG_PHASE);
                }
                if (e.complaints.contains(new EpochDealings.Complaint(dealer, sender))) {
                    return refused(Kind.DKG_DUPLICATE);
                }
                try {
                    Complaint complaint = Complaint.fromBytes(bytes);
                    Dealing dealing = Dealing.fromBytes(e.dealings.get(dealer), params, threshold, issuers.size());
                    if (complaint.recipient() != sender
                            || complaint.judge(
                                            dealing,
                                            issuers.get(sender - 1),
                                            new DealingContext(CHAIN, keyEpoch, dealer))
                                    != Complaint.Verdict.JUSTIFIED) {
                        return refused(Kind.UNJUSTIFIED_COMPLAINT);
                    }
                } catch (CoconutException malformed) {
                    return refused(Kind.MALFORMED_DKG);
                }
                e.complaints.add(new EpochDealings.Complaint(dealer, sender));
                e.disqualified.add(dealer);
                return new Submission("COMPLAIN" + sender, 0, "");
            }
        };
    }

    private static DkgLedger.Submission refused(Kind kind) {
        return new DkgLedger.Submission("REFUSED", kind.code(), kind.name());
    }
}
