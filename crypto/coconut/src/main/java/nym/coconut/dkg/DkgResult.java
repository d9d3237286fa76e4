package nym.coconut.dkg;

import java.util.Map;
import java.util.SortedMap;
import nym.coconut.CoconutException;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;

/** The outcome of a completed DKG: the group key vk and every index's vk_i, from the qualified dealings alone. */
public final class DkgResult {

    /**
     * Combines the qualified dealings (dealer index → dealing; at least t of them, all with the same t and n).
     * INVALID_ARGUMENT when fewer than t or when they disagree on t, n or q.
     */
    public static DkgResult combine(SortedMap<Integer, Dealing> qualified) throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    /** Recipient i's secret share sk_i = Σ_{j∈QUAL} f_j(i), each part opened and checked. */
    public static SecretKey secretShare(
            Map<Integer, Dealing> qualified, Map<Integer, DealingContext> contexts, int recipient, DkgKeyPair key)
            throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    public VerificationKey verificationKey() {
        throw new UnsupportedOperationException("contract only");
    }

    /** vk_i for i in 1..n. */
    public VerificationKeyShare share(int index) {
        throw new UnsupportedOperationException("contract only");
    }

    /** n. */
    public int size() {
        throw new UnsupportedOperationException("contract only");
    }
}
