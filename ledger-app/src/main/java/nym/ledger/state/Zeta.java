package nym.ledger.state;

import java.math.BigInteger;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * ζ, the serial number's tag revealed when a credential is spent: a point of BLS12-381 G1.
 *
 * <p>The ledger accepts exactly one encoding, the canonical 48-byte compressed one (ZCash serialization, as blst
 * writes it): compression flag set, infinity flag clear, x &lt; p, x the abscissa of a curve point whose y matches the
 * sign flag, and the point in the prime-order subgroup (r·ζ = O). Uncompressed encodings, unreduced x, the point at
 * infinity and points outside the subgroup are refused, so one group element has exactly one key in the spent set.
 */
public final class Zeta {
    public static final int BYTES = 48;

    /** BLS12-381 base field modulus p. */
    static final BigInteger P = new BigInteger(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);

    private static final BigInteger B = BigInteger.valueOf(4);
    private static final BigInteger SQRT_EXP = P.add(BigInteger.ONE).shiftRight(2); // p ≡ 3 (mod 4)

    private Zeta() {}

    private static final int CACHE_SIZE = 10_000;
    /** Verdicts on recently seen encodings (a pure function of the bytes): "" valid, else the refusal message. */
    private static final java.util.Map<String, String> VERDICTS =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /**
     * Throws NOT_CANONICAL unless {@code z} is the canonical compressed encoding of a G1 subgroup element. The
     * subgroup check costs a scalar multiplication (a few ms), so verdicts are remembered between CheckTx and
     * FinalizeBlock.
     */
    public static void requireCanonical(byte[] z) {
        if (z == null || z.length != BYTES) {
            check(z);
            return;
        }
        String key = nym.ledger.Hex.lower(z);
        String verdict = VERDICTS.get(key);
        if (verdict == null) {
            try {
                check(z);
                verdict = "";
            } catch (LedgerException e) {
                verdict = e.getMessage();
            }
            VERDICTS.put(key, verdict);
        }
        if (!verdict.isEmpty()) {
            throw new LedgerException(Kind.NOT_CANONICAL, verdict);
        }
    }

    private static void check(byte[] z) {
        if (z == null || z.length != BYTES) {
            throw new LedgerException(
                    Kind.NOT_CANONICAL,
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
        if (!G1.inSubgroup(x, y)) {
            throw new LedgerException(Kind.NOT_CANONICAL, "ζ is not in the G1 subgroup");
        }
    }

    /** The canonical encoding of k·G (tests and tooling: a valid ζ for any k in [1, r-1]). */
    public static byte[] multipleOfGenerator(BigInteger k) {
        G1.Jac p = G1.mul(G1.GX, G1.GY, k.mod(G1.R));
        if (p.isInfinity()) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "k·G is the point at infinity");
        }
        BigInteger[] a = G1.affine(p);
        return G1.compress(a[0], a[1]);
    }

    /** The first curve point with x ≥ start, whether or not in the subgroup (tests: off-subgroup points). */
    public static byte[] curvePointAtOrAfter(BigInteger start) {
        BigInteger x = start;
        while (true) {
            BigInteger rhs = x.pow(3).add(B).mod(P);
            BigInteger y = rhs.modPow(SQRT_EXP, P);
            if (y.multiply(y).mod(P).equals(rhs)) {
                return G1.compress(x, y);
            }
            x = x.add(BigInteger.ONE);
        }
    }
}
