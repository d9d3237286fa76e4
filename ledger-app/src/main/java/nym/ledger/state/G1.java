package nym.ledger.state;

import java.math.BigInteger;

/**
 * Just enough BLS12-381 G1 arithmetic (y² = x³ + 4 over F_p, Jacobian coordinates, BigInteger) to check that ζ
 * lies in the prime-order subgroup and to build test points. Not constant time: it only ever sees public data.
 */
final class G1 {
    static final BigInteger P = new BigInteger(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
    /** Order r of the subgroup. */
    static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    static final BigInteger GX = new BigInteger(
            "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb", 16);
    static final BigInteger GY = new BigInteger(
            "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1", 16);
    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final BigInteger EIGHT = BigInteger.valueOf(8);

    /** Jacobian point; z = 0 is the point at infinity. */
    record Jac(BigInteger x, BigInteger y, BigInteger z) {
        boolean isInfinity() {
            return z.signum() == 0;
        }
    }

    static final Jac INFINITY = new Jac(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

    private G1() {}

    private static BigInteger m(BigInteger a) {
        return a.mod(P);
    }

    static Jac dbl(Jac p) {
        if (p.isInfinity() || p.y().signum() == 0) {
            return INFINITY;
        }
        BigInteger a = m(p.x().multiply(p.x()));
        BigInteger b = m(p.y().multiply(p.y()));
        BigInteger c = m(b.multiply(b));
        BigInteger xb = p.x().add(b);
        BigInteger d = m(TWO.multiply(xb.multiply(xb).subtract(a).subtract(c)));
        BigInteger e = m(THREE.multiply(a));
        BigInteger f = m(e.multiply(e));
        BigInteger x3 = m(f.subtract(TWO.multiply(d)));
        BigInteger y3 = m(e.multiply(d.subtract(x3)).subtract(EIGHT.multiply(c)));
        BigInteger z3 = m(TWO.multiply(p.y()).multiply(p.z()));
        return new Jac(x3, y3, z3);
    }

    /** p + (x2, y2) with the second point affine. */
    static Jac addAffine(Jac p, BigInteger x2, BigInteger y2) {
        if (p.isInfinity()) {
            return new Jac(x2, y2, BigInteger.ONE);
        }
        BigInteger z1z1 = m(p.z().multiply(p.z()));
        BigInteger u2 = m(x2.multiply(z1z1));
        BigInteger s2 = m(y2.multiply(p.z()).multiply(z1z1));
        BigInteger h = m(u2.subtract(p.x()));
        BigInteger rr = m(TWO.multiply(s2.subtract(p.y())));
        if (h.signum() == 0) {
            return rr.signum() == 0 ? dbl(p) : INFINITY;
        }
        BigInteger hh = m(h.multiply(h));
        BigInteger i = m(hh.shiftLeft(2));
        BigInteger j = m(h.multiply(i));
        BigInteger v = m(p.x().multiply(i));
        BigInteger x3 = m(rr.multiply(rr).subtract(j).subtract(TWO.multiply(v)));
        BigInteger y3 =
                m(rr.multiply(v.subtract(x3)).subtract(TWO.multiply(p.y()).multiply(j)));
        BigInteger zh = p.z().add(h);
        BigInteger z3 = m(zh.multiply(zh).subtract(z1z1).subtract(hh));
        return new Jac(x3, y3, z3);
    }

    /** k·(x, y) by double-and-add. */
    static Jac mul(BigInteger x, BigInteger y, BigInteger k) {
        Jac acc = INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = dbl(acc);
            if (k.testBit(i)) {
                acc = addAffine(acc, x, y);
            }
        }
        return acc;
    }

    /** Affine (x, y) of a finite Jacobian point. */
    static BigInteger[] affine(Jac p) {
        BigInteger zi = p.z().modInverse(P);
        BigInteger zi2 = m(zi.multiply(zi));
        return new BigInteger[] {m(p.x().multiply(zi2)), m(p.y().multiply(zi2).multiply(zi))};
    }

    static boolean inSubgroup(BigInteger x, BigInteger y) {
        return mul(x, y, R).isInfinity();
    }

    /** The canonical compressed encoding of a finite affine point (ZCash flags: compressed, sign of y). */
    static byte[] compress(BigInteger x, BigInteger y) {
        byte[] out = new byte[48];
        byte[] xb = x.toByteArray();
        int len = Math.min(xb.length, 48);
        System.arraycopy(xb, xb.length - len, out, 48 - len, len);
        out[0] |= (byte) 0x80;
        if (y.compareTo(P.subtract(y)) > 0) {
            out[0] |= 0x20;
        }
        return out;
    }
}
