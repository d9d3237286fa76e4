package nym.coconut.math;

import supranational.blst.Pairing;

/**
 * Multi-pairing checks: ∏ e(a_i, b_i) = 1 in G_T, computed as one multi-Miller loop (blst shares the F_p12 squarings
 * across pairs) followed by a single final exponentiation.
 */
public final class Pairings {
    private Pairings() {}

    /** Whether ∏ e(a_i, b_i) is the identity of G_T. */
    public static boolean productIsOne(G1Element[] a, G2Element[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need as many G1 as G2 points, at least one");
        }
        // The DST argument is unused by raw_aggregate; blst's context wants one.
        Pairing ctx = new Pairing(true, "NYM-COCONUT-V01-PAIRING");
        for (int i = 0; i < a.length; i++) {
            ctx.raw_aggregate(b[i].affine(), a[i].affine());
        }
        ctx.commit();
        return ctx.finalverify();
    }

    /** Whether e(a1, b1) = e(a2, b2), checked as e(a1, b1) · e(a2^-1, b2) = 1. */
    public static boolean equal(G1Element a1, G2Element b1, G1Element a2, G2Element b2) {
        return productIsOne(new G1Element[] {a1, a2.neg()}, new G2Element[] {b1, b2});
    }
}
