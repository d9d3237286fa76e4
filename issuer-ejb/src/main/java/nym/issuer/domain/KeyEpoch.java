package nym.issuer.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;

/**
 * One key epoch of the ledger's DKG (its {@code /dkg} answer, ledger-app/README.md): the phase, t and n, who dealt,
 * who was disqualified, and once completed the group key vk and every vk_i. {@code issuers} are the DKG's recipients:
 * index → registered DKG encryption key, indices 1..n.
 */
public record KeyEpoch(
        long number,
        Phase phase,
        int threshold,
        int size,
        SortedSet<Integer> dealers,
        SortedSet<Integer> qualified,
        Optional<VerificationKey> verificationKey,
        SortedMap<Integer, VerificationKeyShare> shares,
        SortedMap<Integer, DkgPublicKey> issuers) {

    /** The ledger's phases of a key epoch, in order; an epoch ends COMPLETED or FAILED. */
    public enum Phase {
        DEALING,
        COMPLAINTS,
        COMPLETED,
        FAILED;

        /** The ledger's name: {@code dealing}, {@code complaints}, {@code completed}, {@code failed}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyEpoch {
        Objects.requireNonNull(phase);
        Objects.requireNonNull(verificationKey);
        if (number < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
        dealers = new TreeSet<>(dealers);
        qualified = new TreeSet<>(qualified);
        shares = new TreeMap<>(shares);
        issuers = new TreeMap<>(issuers);
        if (phase == Phase.COMPLETED && verificationKey.isEmpty()) {
            throw new IllegalArgumentException("a completed key epoch has its verification key");
        }
    }

    /** The recipients' DKG keys in index order (recipient i at position i − 1), as {@code Dealing.deal} takes them. */
    public List<DkgPublicKey> recipientKeys() {
        return List.copyOf(issuers.values());
    }

    @Override
    public String toString() {
        return "key epoch " + number + " (" + phase.wireName() + ")";
    }
}
