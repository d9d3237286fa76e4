package nym.coconut.math;

import java.math.BigInteger;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;

/** Arithmetic in Z_r, r the order of the BLS12-381 groups G1, G2, G_T. Scalars are {@link BigInteger}s in [0, r). */
public final class Scalars {
    /** r, the prime order of G1, G2 and G_T. */
    public static final BigInteger R =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    /** Bits of r. */
    public static final int BITS = R.bitLength();
    /** Bytes of the canonical big-endian scalar encoding: ⌈255 / 8⌉ = 32. */
    public static final int BYTES = (BITS + 7) / 8;

    private Scalars() {}

    public static BigInteger mod(BigInteger a) {
        return a.mod(R);
    }

    public static BigInteger add(BigInteger a, BigInteger b) {
        return a.add(b).mod(R);
    }

    public static BigInteger sub(BigInteger a, BigInteger b) {
        return a.subtract(b).mod(R);
    }

    public static BigInteger mul(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(R);
    }

    public static BigInteger neg(BigInteger a) {
        return a.negate().mod(R);
    }

    public static BigInteger inverse(BigInteger a) {
        return a.modInverse(R);
    }

    /** A uniform scalar: 64 random bytes reduced mod r (bias below 2^-250). */
    public static BigInteger random(RandomSource rng) {
        byte[] wide = new byte[64];
        rng.nextBytes(wide);
        return new BigInteger(1, wide).mod(R);
    }

    /** A uniform non-zero scalar. */
    public static BigInteger randomNonZero(RandomSource rng) {
        BigInteger k;
        do {
            k = random(rng);
        } while (k.signum() == 0);
        return k;
    }

    /** Whether {@code a} is in [0, r). */
    public static boolean isCanonical(BigInteger a) {
        return a.signum() >= 0 && a.compareTo(R) < 0;
    }

    /** The 32-byte big-endian encoding of a scalar in [0, r). */
    public static byte[] toBytes(BigInteger a) {
        byte[] raw = a.toByteArray();
        byte[] out = new byte[BYTES];
        if (raw.length > BYTES) {
            System.arraycopy(raw, raw.length - BYTES, out, 0, BYTES);
        } else {
            System.arraycopy(raw, 0, out, BYTES - raw.length, raw.length);
        }
        return out;
    }

    /** Parses a 32-byte big-endian scalar and insists it is canonical (less than r). */
    public static BigInteger fromCanonicalBytes(byte[] bytes) throws CoconutException {
        if (bytes == null || bytes.length != BYTES) {
            throw new CoconutException(CoconutException.Kind.MALFORMED_ENCODING, "a scalar is " + BYTES + " bytes");
        }
        BigInteger v = new BigInteger(1, bytes);
        if (v.compareTo(R) >= 0) {
            throw new CoconutException(CoconutException.Kind.NON_CANONICAL_SCALAR, "scalar is not below r");
        }
        return v;
    }

    /** Σ a_i·b_i mod r. */
    public static BigInteger innerProduct(List<BigInteger> a, List<BigInteger> b) {
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < a.size(); i++) {
            acc = acc.add(a.get(i).multiply(b.get(i)));
        }
        return acc.mod(R);
    }
}
