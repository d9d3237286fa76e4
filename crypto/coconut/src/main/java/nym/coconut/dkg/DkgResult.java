package nym.coconut.dkg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;

/** The outcome of a completed DKG: the group key vk and every index's vk_i, from the qualified dealings alone. */
public final class DkgResult {
    private final VerificationKey verificationKey;
    private final List<VerificationKeyShare> shares;

    private DkgResult(VerificationKey verificationKey, List<VerificationKeyShare> shares) {
        this.verificationKey = verificationKey;
        this.shares = List.copyOf(shares);
    }

    /**
     * Combines the qualified dealings (dealer index → dealing; at least t of them, all with the same t and n).
     * INVALID_ARGUMENT when fewer than t or when they disagree on t, n or q; IDENTITY_POINT in the (adversarial, and
     * for honest dealers negligible) case that a component of the group key cancels out to the identity.
     */
    public static DkgResult combine(SortedMap<Integer, Dealing> qualified) throws CoconutException {
        Dealing first = checkAgree(qualified.values());
        // The product of the commitments commits to the sum of the polynomials: one evaluation per index instead of
        // one per index and dealer.
        Commitments sum = first.commitments();
        for (Dealing d : qualified.values()) {
            if (d != first) {
                sum = sum.times(d.commitments());
            }
        }
        VerificationKey vk = sum.constants();
        if (vk.alpha().isIdentity() || vk.betas().stream().anyMatch(G2Element::isIdentity)) {
            throw new CoconutException(Kind.IDENTITY_POINT, "the qualified dealings cancel out in the group key");
        }
        List<VerificationKeyShare> shares = new ArrayList<>(first.recipients());
        for (int i = 1; i <= first.recipients(); i++) {
            shares.add(new VerificationKeyShare(i, sum.evaluate(i)));
        }
        return new DkgResult(vk, shares);
    }

    /**
     * Recipient i's secret share sk_i = Σ_{j∈QUAL} f_j(i), each part opened and checked ({@link Dealing#openShare}'s
     * kinds); {@code contexts} holds each qualified dealer's context. INVALID_ARGUMENT as for {@link #combine} or
     * when a context is missing.
     */
    public static SecretKey secretShare(
            Map<Integer, Dealing> qualified, Map<Integer, DealingContext> contexts, int recipient, DkgKeyPair key)
            throws CoconutException {
        Dealing first = checkAgree(qualified.values());
        BigInteger x = BigInteger.ZERO;
        List<BigInteger> ys = new ArrayList<>(first.attributes());
        for (int c = 0; c < first.attributes(); c++) {
            ys.add(BigInteger.ZERO);
        }
        for (Map.Entry<Integer, Dealing> e : qualified.entrySet()) {
            DealingContext context = contexts.get(e.getKey());
            if (context == null) {
                throw new CoconutException(Kind.INVALID_ARGUMENT, "no context for dealer " + e.getKey());
            }
            SecretKey part = e.getValue().openShare(recipient, key, context);
            x = Scalars.add(x, part.x());
            for (int c = 0; c < ys.size(); c++) {
                ys.set(c, Scalars.add(ys.get(c), part.y(c)));
            }
        }
        return SecretKey.of(x, ys);
    }

    /** The first dealing, once all agree on q, t and n and there are at least t of them. */
    private static Dealing checkAgree(Collection<Dealing> dealings) throws CoconutException {
        if (dealings.isEmpty()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "no qualified dealings");
        }
        Dealing first = dealings.iterator().next();
        for (Dealing d : dealings) {
            if (d.attributes() != first.attributes()
                    || d.threshold() != first.threshold()
                    || d.recipients() != first.recipients()) {
                throw new CoconutException(Kind.INVALID_ARGUMENT, "qualified dealings disagree on q, t or n");
            }
        }
        if (dealings.size() < first.threshold()) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT,
                    dealings.size() + " qualified dealings, fewer than the threshold " + first.threshold());
        }
        return first;
    }

    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** vk_i for i in 1..n. */
    public VerificationKeyShare share(int index) {
        if (index < 1 || index > shares.size()) {
            throw new IllegalArgumentException("no share " + index + " among " + shares.size());
        }
        return shares.get(index - 1);
    }

    /** n. */
    public int size() {
        return shares.size();
    }

    @Override
    public String toString() {
        return "DkgResult[n=" + shares.size() + ", " + verificationKey + "]";
    }
}
