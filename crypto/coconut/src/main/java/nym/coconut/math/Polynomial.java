package nym.coconut.math;

import java.math.BigInteger;
import nym.coconut.RandomSource;

/**
 * A secret polynomial a_0 + a_1·X + … + a_{t−1}·X^{t−1} over Z_r, the Shamir sharing behind both the trusted dealer
 * and every DKG dealer. Never printed.
 */
public final class Polynomial {
    private final BigInteger[] coefficients;

    private Polynomial(BigInteger[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * A uniformly random polynomial of degree t − 1 whose coefficients are all non-zero: a zero coefficient would have
     * the identity as its Feldman commitment, which no encoding accepts, and drawing from Z_r* instead of Z_r changes
     * the distribution by less than 2^-250.
     */
    public static Polynomial random(int threshold, RandomSource rng) {
        BigInteger[] coefficients = new BigInteger[threshold];
        for (int k = 0; k < threshold; k++) {
            coefficients[k] = Scalars.randomNonZero(rng);
        }
        return new Polynomial(coefficients);
    }

    /** t, the number of coefficients. */
    public int threshold() {
        return coefficients.length;
    }

    /** a_k. */
    public BigInteger coefficient(int k) {
        return coefficients[k];
    }

    /** The value at {@code at}, by Horner's rule. */
    public BigInteger evaluate(BigInteger at) {
        BigInteger acc = BigInteger.ZERO;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            acc = acc.multiply(at).add(coefficients[k]).mod(Scalars.R);
        }
        return acc;
    }

    @Override
    public String toString() {
        return "Polynomial[t=" + coefficients.length + ", redacted]";
    }
}
