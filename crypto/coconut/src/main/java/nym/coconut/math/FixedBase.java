package nym.coconut.math;

import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Fixed-base multiplication by table lookup: for a base B the table holds d · 2^{8i} · B (affine) for every byte
 * position i &lt; 32 and digit d ∈ [1, 255], so B^k is at most 32 mixed additions instead of a full scalar
 * multiplication. <strong>Variable-time in k</strong>: use it only for public scalars (a verifier's challenge and
 * responses), never for secrets. A G2 table takes about 2 MB and some tens of milliseconds to build.
 */
public final class FixedBase {
    static final int WINDOW_BITS = 8;
    static final int WINDOWS = (Scalars.BITS + WINDOW_BITS - 1) / WINDOW_BITS;
    static final int DIGITS = (1 << WINDOW_BITS) - 1;

    private FixedBase() {}

    private static final class Generators {
        static final G1Table G1 = new G1Table(G1Element.GENERATOR);
        static final G2Table G2 = new G2Table(G2Element.GENERATOR);
    }

    /** The table of g1, built on first use (about 1 MB) and shared by the whole JVM. */
    public static G1Table g1() {
        return Generators.G1;
    }

    /** The table of g2, built on first use (about 2 MB) and shared by the whole JVM. */
    public static G2Table g2() {
        return Generators.G2;
    }

    private static byte[] littleEndian(BigInteger k) {
        byte[] be = Scalars.toBytes(k.mod(Scalars.R));
        byte[] le = new byte[be.length];
        for (int i = 0; i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    /** A table for a fixed G1 base. */
    public static final class G1Table {
        private final P1_Affine[][] table = new P1_Affine[WINDOWS][DIGITS];

        public G1Table(G1Element base) {
            P1 windowBase = base.raw().dup();
            for (int i = 0; i < WINDOWS; i++) {
                P1 acc = windowBase.dup();
                for (int d = 0; d < DIGITS; d++) {
                    table[i][d] = acc.to_affine();
                    acc.add(windowBase);
                }
                windowBase = acc; // 256 · windowBase
            }
        }

        /** base^k (variable time). */
        public G1Element mul(BigInteger k) {
            byte[] le = littleEndian(k);
            P1 acc = new P1();
            for (int i = 0; i < WINDOWS; i++) {
                int d = le[i] & 0xFF;
                if (d != 0) {
                    acc.add(table[i][d - 1]);
                }
            }
            return new G1Element(acc);
        }
    }

    /** A table for a fixed G2 base. */
    public static final class G2Table {
        private final P2_Affine[][] table = new P2_Affine[WINDOWS][DIGITS];

        public G2Table(G2Element base) {
            P2 windowBase = base.raw().dup();
            for (int i = 0; i < WINDOWS; i++) {
                P2 acc = windowBase.dup();
                for (int d = 0; d < DIGITS; d++) {
                    table[i][d] = acc.to_affine();
                    acc.add(windowBase);
                }
                windowBase = acc;
            }
        }

        /** base^k (variable time). */
        public G2Element mul(BigInteger k) {
            byte[] le = littleEndian(k);
            P2 acc = new P2();
            for (int i = 0; i < WINDOWS; i++) {
                int d = le[i] & 0xFF;
                if (d != 0) {
                    acc.add(table[i][d - 1]);
                }
            }
            return new G2Element(acc);
        }
    }
}
