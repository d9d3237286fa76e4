package nym.coconut.keygen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.encoding.Sizes;
import nym.coconut.math.G2Element;
import nym.coconut.math.Polynomial;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Parameters;

/** KeyGen(params) and the trusted-dealer threshold key generation ttpKeyGen(params, t, n). */
public final class KeyGen {
    private KeyGen() {}

    /** KeyGen: sk = (x, y_1..y_q) uniform in Z_r*, vk = (g2, g2^x, g2^{y_1}..g2^{y_q}). */
    public static KeyPair keygen(Parameters params, RandomSource rng) {
        int q = params.maxAttributes();
        BigInteger x = Scalars.randomNonZero(rng);
        List<BigInteger> ys = new ArrayList<>(q);
        for (int j = 0; j < q; j++) {
            ys.add(Scalars.randomNonZero(rng));
        }
        SecretKey sk = new SecretKey(x, ys);
        return new KeyPair(sk, verificationKey(params, sk));
    }

    /** vk = (g2, g2^x, g2^{y_j}) for a secret key. */
    public static VerificationKey verificationKey(Parameters params, SecretKey sk) {
        G2Element g2 = params.g2();
        List<G2Element> betas = new ArrayList<>(sk.size());
        for (int j = 0; j < sk.size(); j++) {
            betas.add(g2.mul(sk.y(j)));
        }
        return new VerificationKey(g2.mul(sk.x()), betas);
    }

    /**
     * ttpKeyGen(t, n): the dealer draws polynomials v, w_1..w_q of degree t − 1 over Z_r; x = v(0), y_j = w_j(0);
     * issuer i ∈ [1, n] receives sk_i = (v(i), w_1(i)..w_q(i)) and vk_i. Any t shares reconstruct x and y_j
     * (Lagrange at 0); fewer reveal nothing about them.
     */
    public static ThresholdKeys ttpKeyGen(Parameters params, int t, int n, RandomSource rng) throws CoconutException {
        if (t < 1 || n < t || n > Sizes.MAX_INDEX) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT, "need 1 ≤ t ≤ n ≤ " + Sizes.MAX_INDEX + ", got t=" + t + ", n=" + n);
        }
        int q = params.maxAttributes();
        Polynomial v = Polynomial.random(t, rng);
        Polynomial[] w = new Polynomial[q];
        for (int j = 0; j < q; j++) {
            w[j] = Polynomial.random(t, rng);
        }
        List<IssuerKey> issuers = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            BigInteger at = BigInteger.valueOf(i);
            List<BigInteger> ys = new ArrayList<>(q);
            for (int j = 0; j < q; j++) {
                ys.add(w[j].evaluate(at));
            }
            SecretKey ski = new SecretKey(v.evaluate(at), ys);
            issuers.add(new IssuerKey(i, ski, verificationKey(params, ski)));
        }
        List<BigInteger> y0 = new ArrayList<>(q);
        for (int j = 0; j < q; j++) {
            y0.add(w[j].coefficient(0));
        }
        VerificationKey vk = verificationKey(params, new SecretKey(v.coefficient(0), y0));
        return new ThresholdKeys(t, issuers, vk);
    }
}
