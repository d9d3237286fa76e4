package nym.sphinx;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Elligator 2 for Curve25519 (Bernstein, Hamburg, Krasnova, Lange 2013; the parameters of RFC 9380 §6.7.1: A = 486662,
 * non-square Z = 2): a representative r, a field element in [0, (p−1)/2], stands for a point's u-coordinate, and a
 * uniformly random point with a representative gives a uniformly random r. So 32 bytes holding r (254 bits) and two
 * random top bits cannot be told from random bytes, unlike a plain u-coordinate, which is always on the curve.
 *
 * <pre>
 *   map (r → u):    w = −A / (1 + 2r²);   u = w if w³ + Aw² + w is a square, else u = −w − A
 *   inverse (u → r): defined when u ≠ 0, u ≠ −A and −2u(u + A) is a square; then both
 *                    r = √(−(u + A) / (2u))   (the branch u = w)   and   r = √(−u / (2(u + A)))   (u = −w − A)
 *                    map back to u, for u on the curve; √ is the root in [0, (p−1)/2]
 * </pre>
 *
 * The original paper picks the branch from the sign of the point's v; X25519 uses u alone, so the sender picks it at
 * random, which is the same as a random v.
 *
 * <p>Arithmetic is {@link BigInteger}, not constant time. That is acceptable because every value it touches is public:
 * the map's input is the representative as sent, and the inverse's input is the ephemeral public key that the
 * representative reveals to anyone who maps it; the ephemeral private key only goes through Bouncy Castle's X25519.
 * Keys rejected for having no representative are thrown away, so their timing tells nothing about a key in use.
 */
final class Elligator2 {

    /** p = 2^255 − 19. */
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    static final BigInteger A = BigInteger.valueOf(486662);

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger HALF_P = P.subtract(BigInteger.ONE).shiftRight(1);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.valueOf(3)).shiftRight(3);
    /** √−1 = 2^((p−1)/4), since 2 is not a square modulo p (p ≡ 5 mod 8). */
    private static final BigInteger SQRT_MINUS_ONE =
            TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    /** The two top bits of a 32-byte representative, which r (< 2^254) leaves unused. */
    private static final int TOP_BITS = 0xc0;

    private Elligator2() {}

    /** The u-coordinate that the 32-byte representative at {@code in[off]} stands for, as 32 little-endian bytes. */
    static byte[] decode(byte[] in, int off) {
        byte[] r = new byte[32];
        System.arraycopy(in, off, r, 0, 32);
        r[31] &= (byte) ~TOP_BITS;
        return toLittleEndian(map(fromLittleEndian(r, 0)));
    }

    /**
     * Writes a representative of the curve point with u-coordinate {@code u} (32 little-endian bytes) to {@code out},
     * branch and top bits chosen at random, or returns false when the point has none (about half of all points).
     */
    static boolean encode(byte[] u, SecureRandom random, byte[] out) {
        BigInteger r = inverse(fromLittleEndian(u, 0), random.nextBoolean());
        if (r == null) {
            return false;
        }
        System.arraycopy(toLittleEndian(r), 0, out, 0, 32);
        out[31] |= (byte) (random.nextInt(4) << 6);
        return true;
    }

    /** The map r → u; r is any field element (the map depends on r² only). */
    static BigInteger map(BigInteger r) {
        // 1 + 2r² is never 0: −1/2 is not a square, as −1 is one and 2 is not
        BigInteger w = A.negate()
                .multiply(BigInteger.ONE.add(TWO.multiply(r).multiply(r)).modInverse(P))
                .mod(P);
        return isSquare(curve(w)) ? w : w.negate().subtract(A).mod(P);
    }

    /**
     * A representative of a point on the curve with u-coordinate {@code u} in [0, (p−1)/2], from the branch u = w
     * when {@code wBranch}, else from u = −w − A; null when u has none.
     */
    static BigInteger inverse(BigInteger u, boolean wBranch) {
        BigInteger uPlusA = u.add(A).mod(P);
        if (u.signum() == 0
                || uPlusA.signum() == 0
                || !isSquare(u.multiply(uPlusA).multiply(TWO).negate().mod(P))) {
            return null;
        }
        BigInteger numerator = wBranch ? uPlusA : u;
        BigInteger denominator = wBranch ? u : uPlusA;
        return sqrt(numerator
                .negate()
                .multiply(TWO.multiply(denominator).modInverse(P))
                .mod(P));
    }

    /** u³ + Au² + u: a square exactly when u is the u-coordinate of a point on Curve25519 (else on its twist). */
    static BigInteger curve(BigInteger u) {
        return u.multiply(u).add(A.multiply(u)).add(BigInteger.ONE).multiply(u).mod(P);
    }

    /** Whether {@code a} (reduced modulo p) is a square, zero included (Euler's criterion). */
    static boolean isSquare(BigInteger a) {
        return a.signum() == 0 || a.modPow(HALF_P, P).equals(BigInteger.ONE);
    }

    /** The square root of the square {@code a} in [0, (p−1)/2] (p ≡ 5 mod 8: a^((p+3)/8), times √−1 if needed). */
    private static BigInteger sqrt(BigInteger a) {
        BigInteger x = a.modPow(SQRT_EXPONENT, P);
        if (!x.multiply(x).mod(P).equals(a)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
        }
        return x.compareTo(HALF_P) > 0 ? P.subtract(x) : x;
    }

    static BigInteger fromLittleEndian(byte[] in, int off) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = in[off + i];
        }
        return new BigInteger(1, be);
    }

    /** {@code a} < 2^256 as 32 little-endian bytes. */
    static byte[] toLittleEndian(BigInteger a) {
        byte[] be = a.toByteArray(); // big-endian, possibly with a leading sign byte
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
