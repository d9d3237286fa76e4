package nym.ledger.state;

import java.math.BigInteger;

import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * ζ, the serial number's tag revealed when a credential is spent: a point of BLS12-381 G1.
 *
 * <p>The ledger accepts exactly one encoding, the canonical 48-byte compressed one (ZCash serialization, as blst
 * writes it): compression flag set, infinity flag clear, x &lt; p, and x must be the abscissa of a curve point
 * (x³ + 4 a square mod p). Uncompressed encodings, non-reduced x and the point at infinity are refused, so one
 * point has one key in the spent set.
 */
public final class Zeta {
    public static final int BYTES = 48;

    /** BLS12-381 base field modulus p. */
    static final BigInteger P = new BigInteger(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
    private static final BigInteger B = BigInteger.valueOf(4);
    private static final BigInteger SQRT_EXP = P.add(BigInteger.ONE).shiftRight(2); // p ≡ 3 (mod 4)

    private Zeta() {
    }

    /** Throws NOT_CANONICAL unless {@code z} is the canonical compressed encoding of a G1 curve point. */
    public static void requireCanonical(byte[] z) {
        if (z == null || z.length != BYTES) {
            throw new LedgerException(Kind.NOT_CANONICAL,
                    "ζ must be the 48-byte compressed G1 encoding, got " + (z == null ? 0 : z.length) + " bytes");
        }
        int flags = z[0] & 0xe0;
        if ((flags & 0x80) == 0) {
            throw new LedgerException(Kind.NOT_CANONICAL, "ζ compression flag not set");
        }
        if ((flags & 0x40) != 0) {
            throw new LedgerException(Kind.NOT_CANONICAL, "ζ is the point at infinity");
        }
        byte[] xb = z.clone();
        xb[0] &= 0x1f;
        BigInteger x = new BigInteger(1, xb);
        if (x.compareTo(P) >= 0) {
            throw new LedgerException(Kind.NOT_CANONICAL, "ζ x coordinate not reduced mod p");
        }
        BigInteger rhs = x.pow(3).add(B).mod(P);
        BigInteger y = rhs.modPow(SQRT_EXP, P);
        if (!y.multiply(y).mod(P).equals(rhs)) {
            throw new LedgerException(Kind.NOT_CANONICAL, "ζ is not on the curve");
        }
    }

    /**
     * Encodes a curve point from its x coordinate (test and tooling helper): compressed form with the given
     * sign flag. Throws if x is not on the curve.
     */
    public static byte[] compressedFromX(BigInteger x, boolean largerY) {
        byte[] out = new byte[BYTES];
        byte[] xb = x.toByteArray();
        int len = Math.min(xb.length, BYTES);
        System.arraycopy(xb, xb.length - len, out, BYTES - len, len);
        out[0] |= (byte) 0x80;
        if (largerY) {
            out[0] |= 0x20;
        }
        requireCanonical(out);
        return out;
    }

    /** The first curve point with x ≥ start (tests and tooling). */
    public static byte[] pointAtOrAfter(BigInteger start) {
        BigInteger x = start;
        while (true) {
            BigInteger rhs = x.pow(3).add(B).mod(P);
            BigInteger y = rhs.modPow(SQRT_EXP, P);
            if (y.multiply(y).mod(P).equals(rhs)) {
                return compressedFromX(x, false);
            }
            x = x.add(BigInteger.ONE);
        }
    }
}
