package nym.coconut.aggregation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;

/**
 * AggKey and AggCred: combine t shares with Lagrange coefficients at 0. Given t shares of a (t, n) key set the result
 * is the group's key / a signature under it; with fewer than t, or shares of different key sets, it is a value that
 * does not verify.
 */
public final class Aggregation {
    private Aggregation() {}

    /** vk = (g2, ∏ α_i^{l_i}, ∏ β_ij^{l_i}). */
    public static VerificationKey aggregateVerificationKeys(List<VerificationKeyShare> shares) throws CoconutException {
        List<Integer> indices = new ArrayList<>(shares.size());
        shares.forEach(s -> indices.add(s.index()));
        BigInteger[] l = Lagrange.coefficientsAtZero(indices);
        int q = shares.get(0).key().size();
        for (VerificationKeyShare s : shares) {
            if (s.key().size() != q) {
                throw new CoconutException(Kind.INVALID_ARGUMENT, "verification keys of different sizes");
            }
        }
        List<BigInteger> ls = Arrays.asList(l);
        List<G2Element> alphas = new ArrayList<>(shares.size());
        shares.forEach(s -> alphas.add(s.key().alpha()));
        G2Element alpha = G2Element.multiScalarMul(alphas, ls);
        List<G2Element> betas = new ArrayList<>(q);
        for (int j = 0; j < q; j++) {
            List<G2Element> bj = new ArrayList<>(shares.size());
            for (VerificationKeyShare s : shares) {
                bj.add(s.key().beta(j));
            }
            betas.add(G2Element.multiScalarMul(bj, ls));
        }
        if (alpha.isIdentity() || betas.stream().anyMatch(G2Element::isIdentity)) {
            throw new CoconutException(Kind.IDENTITY_POINT, "aggregated key has an identity component");
        }
        return new VerificationKey(alpha, betas);
    }

    /**
     * σ = (h, ∏ s_i^{l_i}). Every share must carry the same h (they are shares of one credential).
     *
     * @throws CoconutException {@link Kind#INVALID_ARGUMENT} for duplicate indices or shares with different h
     */
    public static Signature aggregateSignatures(List<PartialSignature> shares) throws CoconutException {
        List<Integer> indices = new ArrayList<>(shares.size());
        shares.forEach(s -> indices.add(s.index()));
        BigInteger[] l = Lagrange.coefficientsAtZero(indices);
        G1Element h = shares.get(0).signature().h();
        List<G1Element> ss = new ArrayList<>(shares.size());
        for (PartialSignature s : shares) {
            if (!s.signature().h().equals(h)) {
                throw new CoconutException(Kind.INVALID_ARGUMENT, "signature shares on different h");
            }
            ss.add(s.signature().s());
        }
        G1Element s = G1Element.multiScalarMul(ss, Arrays.asList(l));
        if (s.isIdentity()) {
            throw new CoconutException(Kind.IDENTITY_POINT, "aggregated signature is the identity");
        }
        return new Signature(h, s);
    }
}
