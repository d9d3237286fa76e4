package nym.coconut.verification;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Pairings;
import nym.coconut.setup.Parameters;

/**
 * Verification of signatures whose attributes the verifier knows: plain Verify over public attributes, and the
 * holder's check of each unblinded share σ_i against vk_i (one at a time, or in a batch).
 */
public final class SignatureVerification {
    /** Bits of the random weights ρ_i of batch verification (a bad batch passes with probability ≤ 2^-64). */
    public static final int BATCH_WEIGHT_BITS = 64;

    private SignatureVerification() {}

    /**
     * Verify(vk, m, σ): h ≠ 1 and e(h, α ∏ β_j^{m_j}) = e(s, g2), checked as one two-pair multi-pairing.
     *
     * @throws CoconutException {@link Kind#INVALID_SIGNATURE} when it does not hold
     */
    public static void verify(Parameters params, VerificationKey vk, List<BigInteger> attributes, Signature sigma)
            throws CoconutException {
        List<BigInteger> m = Attributes.checkPublic(attributes);
        check(params, vk, m, sigma);
    }

    /** The holder's check of one unblinded share σ_i = (h, s_i) against vk_i, over all of its attributes. */
    public static void verifyShare(Parameters params, VerificationKey vkI, Attributes attributes, Signature sigmaI)
            throws CoconutException {
        check(params, vkI, attributes.allValues(), sigmaI);
    }

    private static void check(Parameters params, VerificationKey vk, List<BigInteger> m, Signature sigma)
            throws CoconutException {
        if (m.isEmpty() || m.size() > vk.size()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, m.size() + " attributes for a key of " + vk.size());
        }
        if (sigma.h().isIdentity()) {
            throw new CoconutException(Kind.IDENTITY_POINT, "h is the identity");
        }
        G2Element k = aggregateKey(vk, m);
        if (!Pairings.productIsOne(new G1Element[] {sigma.h(), sigma.s().neg()}, new G2Element[] {k, params.g2()})) {
            throw new CoconutException(Kind.INVALID_SIGNATURE, "e(h, α ∏ β_j^{m_j}) ≠ e(s, g2)");
        }
    }

    /** α ∏ β_j^{m_j}. */
    static G2Element aggregateKey(VerificationKey vk, List<BigInteger> m) {
        List<G2Element> bases = new ArrayList<>(m.size());
        for (int j = 0; j < m.size(); j++) {
            bases.add(vk.beta(j));
        }
        return vk.alpha().add(G2Element.multiScalarMul(bases, m));
    }

    /**
     * Batch check of many shares (random linear combination): with random 64-bit ρ_i, checks
     * ∏ e(h_i^{ρ_i}, α_i ∏ β_ij^{m_j}) · e(∏ s_i^{-ρ_i}, g2) = 1 as one (n+1)-pair multi-pairing with one final
     * exponentiation, instead of n two-pair checks. On failure it does not say which share is bad: fall back to
     * {@link #verifyShare} to find it.
     *
     * @throws CoconutException {@link Kind#INVALID_SIGNATURE} when the batch does not verify,
     *     {@link Kind#INVALID_ARGUMENT} when a share has no key of its index
     */
    public static void batchVerifyShares(
            Parameters params,
            List<VerificationKeyShare> keys,
            Attributes attributes,
            List<PartialSignature> shares,
            RandomSource rng)
            throws CoconutException {
        if (shares.isEmpty()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "no shares");
        }
        Map<Integer, VerificationKey> byIndex = new HashMap<>();
        keys.forEach(k -> byIndex.put(k.index(), k.key()));
        List<BigInteger> m = attributes.allValues();
        int n = shares.size();
        G1Element[] g1s = new G1Element[n + 1];
        G2Element[] g2s = new G2Element[n + 1];
        List<G1Element> ss = new ArrayList<>(n);
        List<BigInteger> rhos = new ArrayList<>(n);
        byte[] rb = new byte[BATCH_WEIGHT_BITS / 8];
        for (int i = 0; i < n; i++) {
            PartialSignature share = shares.get(i);
            VerificationKey vk = byIndex.get(share.index());
            if (vk == null) {
                throw new CoconutException(Kind.INVALID_ARGUMENT, "no verification key for share " + share.index());
            }
            if (m.isEmpty() || m.size() > vk.size()) {
                throw new CoconutException(Kind.INVALID_ARGUMENT, m.size() + " attributes for a key of " + vk.size());
            }
            if (share.signature().h().isIdentity()) {
                throw new CoconutException(Kind.IDENTITY_POINT, "h is the identity");
            }
            rng.nextBytes(rb);
            BigInteger rho = new BigInteger(1, rb).setBit(0); // non-zero
            g1s[i] = share.signature().h().mul(rho);
            g2s[i] = aggregateKey(vk, m);
            ss.add(share.signature().s());
            rhos.add(rho);
        }
        g1s[n] = G1Element.multiScalarMul(ss, rhos).neg();
        g2s[n] = params.g2();
        if (!Pairings.productIsOne(g1s, g2s)) {
            throw new CoconutException(Kind.INVALID_SIGNATURE, "batch of " + n + " shares does not verify");
        }
    }
}
