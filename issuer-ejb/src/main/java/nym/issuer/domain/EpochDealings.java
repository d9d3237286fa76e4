package nym.issuer.domain;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the ledger holds of one key epoch's DKG ({@code /dkg/dealings}): every dealer's dealing bytes as checked and
 * stored by the ledger, and the accepted complaints (dealer index, complainer index).
 */
public record EpochDealings(long keyEpoch, SortedMap<Integer, byte[]> dealings, Set<Complaint> complaints) {

    /** An accepted complaint: {@code complainer} showed that {@code dealer}'s share for it is bad. */
    public record Complaint(int dealer, int complainer) {}

    public EpochDealings {
        dealings = new TreeMap<>(dealings);
        complaints = Set.copyOf(complaints);
    }

    public boolean hasDealingOf(int dealer) {
        return dealings.containsKey(dealer);
    }

    public boolean hasComplaint(int dealer, int complainer) {
        return complaints.contains(new Complaint(dealer, complainer));
    }

    /** The dealers' dealings among {@code dealers}, by index. */
    public Map<Integer, byte[]> of(Set<Integer> dealers) {
        Map<Integer, byte[]> selected = new TreeMap<>(dealings);
        selected.keySet().retainAll(dealers);
        return selected;
    }
}
