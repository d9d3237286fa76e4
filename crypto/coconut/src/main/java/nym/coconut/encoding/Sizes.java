package nym.coconut.encoding;

import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;

/**
 * Every encoded size, derived from the curve: a scalar is ⌈log2 r / 8⌉ bytes, a compressed G1 point one base-field
 * element, a compressed G2 point two. Each binary encoding is {@code version ‖ tag ‖ body}; counts are one byte,
 * share indices two (big-endian). A consistency test checks these against blst and against real encodings.
 */
public final class Sizes {
    /** Version byte of every encoding this library writes. */
    public static final int VERSION = 1;

    public static final int SCALAR = Scalars.BYTES;
    public static final int G1 = G1Element.COMPRESSED_BYTES;
    public static final int G2 = G2Element.COMPRESSED_BYTES;
    public static final int HEADER = 2;
    public static final int COUNT = 1;
    public static final int INDEX = 2;

    /** Largest q (attributes per credential) the encodings and {@code Setup} accept. */
    public static final int MAX_ATTRIBUTES = 32;
    /** Largest share index (n of ttpKeyGen). */
    public static final int MAX_INDEX = 0xFFFF;

    private Sizes() {}

    /** params = (q). */
    public static int parameters() {
        return HEADER + COUNT;
    }

    /** sk = (x, y_1..y_q). */
    public static int secretKey(int q) {
        return HEADER + COUNT + SCALAR * (1 + q);
    }

    /** vk = (α, β_1..β_q); g2 is the fixed generator and not encoded. */
    public static int verificationKey(int q) {
        return HEADER + COUNT + G2 * (1 + q);
    }

    /** (i, vk_i). */
    public static int verificationKeyShare(int q) {
        return HEADER + INDEX + COUNT + G2 * (1 + q);
    }

    /** γ = g1^d. */
    public static int elGamalPublicKey() {
        return HEADER + G1;
    }

    /** Λ = (cm, (a_j, b_j)_{j&lt;p}, π_s = (c, r_o, r_k[p], r_m[p])) for p private attributes. */
    public static int blindSignRequest(int privateAttributes) {
        int p = privateAttributes;
        return HEADER + COUNT + G1 + 2 * p * G1 + SCALAR * (2 + 2 * p);
    }

    /** σ̃ = (h, ã, b̃). */
    public static int blindedSignature() {
        return HEADER + 3 * G1;
    }

    /** σ = (h, s). */
    public static int signature() {
        return HEADER + 2 * G1;
    }

    /** (i, σ_i). */
    public static int partialSignature() {
        return HEADER + INDEX + 2 * G1;
    }

    /** Θ = (h', s', κ, ν, ζ, π_v = (c, r_r, r_m[p])) for p private attributes. */
    public static int theta(int privateAttributes) {
        return HEADER + COUNT + 4 * G1 + G2 + SCALAR * (2 + privateAttributes);
    }

    /** The AEAD tag of every encrypted DKG share vector (Poly1305). */
    public static final int AEAD_TAG = 16;

    /** One recipient's encrypted share vector (f_c(i))_{c=0..q}. */
    public static int dkgShareCiphertext(int q) {
        return SCALAR * (q + 1) + AEAD_TAG;
    }

    /** A dealing: (q+1, t, n, (q+1)·t commitments in G2, R in G1, n encrypted share vectors). */
    public static int dkgDealing(int q, int threshold, int recipients) {
        return HEADER + COUNT + COUNT + INDEX + G2 * (q + 1) * threshold + G1 + recipients * dkgShareCiphertext(q);
    }

    /** A complaint: (i, K, Chaum–Pedersen challenge and response). */
    public static int dkgComplaint() {
        return HEADER + INDEX + G1 + 2 * SCALAR;
    }
}
