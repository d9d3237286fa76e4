package nym.sphinx;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.djb.Curve25519;

/**
 * Point addition on Curve25519, which X25519 (u-coordinates only) cannot do, through Bouncy Castle's short Weierstrass
 * form of the same curve: x = u + A/3, y = v. Used to add a low-order point to an ephemeral public key, so that the
 * key is a uniform element of the whole curve group (order 8ℓ) rather than of the subgroup of order ℓ.
 */
final class CurvePoints {

    static final Curve25519 CURVE = new Curve25519();

    private static final BigInteger A_THIRD =
            Elligator2.A.multiply(BigInteger.valueOf(3).modInverse(Elligator2.P));

    /** A point of order 8, which generates the 8 low-order points. */
    static final ECPoint LOW_ORDER_GENERATOR = findLowOrderGenerator();

    /** t·{@link #LOW_ORDER_GENERATOR} for t = 0..7, computed once: a sender adds one per ephemeral key it tries. */
    private static final ECPoint[] LOW_ORDER_POINTS = lowOrderPoints();

    private CurvePoints() {}

    /**
     * The u-coordinate (32 little-endian bytes) of P + t·T, P one of the two points with u-coordinate {@code u} and T
     * {@link #LOW_ORDER_GENERATOR}. Which of ±P does not matter to a caller who picks t uniformly from 0..7:
     * u(−P + tT) = u(P + (8−t)T).
     */
    static byte[] addLowOrder(byte[] u, int t) {
        ECPoint sum = lift(Elligator2.fromLittleEndian(u, 0)).add(LOW_ORDER_POINTS[t]);
        return Elligator2.toLittleEndian(uOf(sum));
    }

    /** One of the two points with u-coordinate {@code u}; u must be on the curve. */
    static ECPoint lift(BigInteger u) {
        ECFieldElement x = CURVE.fromBigInteger(u.add(A_THIRD).mod(Elligator2.P));
        ECFieldElement y =
                x.square().add(CURVE.getA()).multiply(x).add(CURVE.getB()).sqrt();
        if (y == null) {
            throw new IllegalArgumentException("not the u-coordinate of a point on Curve25519");
        }
        return CURVE.createPoint(x.toBigInteger(), y.toBigInteger());
    }

    /** u of an affine point; the point at infinity has none (u = 0 by X25519's convention). */
    static BigInteger uOf(ECPoint point) {
        if (point.isInfinity()) {
            return BigInteger.ZERO;
        }
        return point.normalize()
                .getAffineXCoord()
                .toBigInteger()
                .subtract(A_THIRD)
                .mod(Elligator2.P);
    }

    private static ECPoint[] lowOrderPoints() {
        ECPoint[] points = new ECPoint[8];
        points[0] = CURVE.getInfinity();
        for (int t = 1; t < 8; t++) {
            points[t] = points[t - 1].add(LOW_ORDER_GENERATOR).normalize();
        }
        return points;
    }

    /** ℓ·Q for the first point Q (by u = 2, 3, …) whose ℓ-multiple has order 8: the curve's 8-torsion is cyclic. */
    private static ECPoint findLowOrderGenerator() {
        for (BigInteger u = BigInteger.TWO; ; u = u.add(BigInteger.ONE)) {
            if (Elligator2.isSquare(Elligator2.curve(u))) {
                ECPoint t = lift(u).multiply(CURVE.getOrder());
                if (!t.timesPow2(2).isInfinity()) {
                    return t.normalize();
                }
            }
        }
    }
}
