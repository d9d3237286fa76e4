package nym.sphinx;

import java.math.BigInteger;

/**
 * Scalar arithmetic modulo ℓ, the prime order of Curve25519's base point, so the sender can compute each shared
 * secret s_i = (x·b_0·…·b_{i-1})·y_i with a single X25519 call instead of i+1 of them.
 *
 * <p>X25519 clamps its scalar (multiple of 8, bit 254 set, below 2^255). For a point in the prime-order subgroup only
 * the scalar modulo ℓ matters, and x(−P) = x(P); so c mod ℓ is written as k = 8m with m ≡ ±c/8 (mod ℓ) and 2^251 ≤ m
 * < 2^252, which clamping leaves unchanged. One of ±c has such an m except with probability about 2^-126 (then the
 * caller starts over with a fresh x).
 */
final class Scalars {

    /** ℓ = 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger ORDER =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final BigInteger INVERSE_OF_8 = BigInteger.valueOf(8).modInverse(ORDER);
    private static final BigInteger M_MIN = BigInteger.ONE.shiftLeft(251);
    private static final BigInteger M_MAX = BigInteger.ONE.shiftLeft(252); // exclusive

    private Scalars() {}

    /** The clamped X25519 scalar at {@code k[off]}, as X25519 uses it, modulo ℓ. */
    static BigInteger clamped(byte[] k, int off) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = k[off + i];
        }
        be[31] &= (byte) 0xf8;
        be[0] &= 0x7f;
        be[0] |= 0x40;
        return new BigInteger(1, be).mod(ORDER);
    }

    static BigInteger multiply(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(ORDER);
    }

    /**
     * Writes a 32-byte X25519 scalar k with clamp(k) = k and k·P = ±c·P for P of order ℓ; false when neither c nor −c
     * has one (probability about 2^-126).
     */
    static boolean encodeClampable(BigInteger c, byte[] out) {
        BigInteger m = c.multiply(INVERSE_OF_8).mod(ORDER);
        if (!inRange(m)) {
            m = ORDER.subtract(m).mod(ORDER);
            if (!inRange(m)) {
                return false;
            }
        }
        byte[] be = m.shiftLeft(3).toByteArray(); // big-endian, 32 bytes (bit 254 set) or 33 with a sign byte
        java.util.Arrays.fill(out, 0, 32, (byte) 0);
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return true;
    }

    private static boolean inRange(BigInteger m) {
        return m.compareTo(M_MIN) >= 0 && m.compareTo(M_MAX) < 0;
    }
}
