package nym.coconut.math;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import nym.coconut.CoconutException;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * An immutable element of G2 (BLS12-381), a thin wrapper around blst's {@link P2}. blst's {@code mult}/{@code add}
 * change their receiver, so every operation here works on a {@code dup()} and the wrapped point is never exposed.
 */
public final class G2Element {
    /** Compressed size: two base-field elements (an F_p² x coordinate), 2 · 48 = 96 bytes, flags in the top three bits. */
    public static final int COMPRESSED_BYTES = 2 * G1Element.COMPRESSED_BYTES;
    /** g1, the standard generator of G2. */
    public static final G2Element GENERATOR = new G2Element(P2.generator());

    private final P2 point;
    private volatile P2_Affine affine;

    G2Element(P2 point) {
        this.point = point;
    }

    /** The wrapped point, for this package only; callers must not mutate it. */
    P2 raw() {
        return point;
    }

    /** Hash to G2 (RFC 9380, BLS12381G2_XMD:SHA-256_SSWU_RO_) under the domain-separation tag {@code dst}. */
    public static G2Element hashToCurve(byte[] message, String dst) {
        return new G2Element(new P2().hash_to(message, dst));
    }

    /** this^k (written multiplicatively as in the paper; k any non-negative integer). */
    public G2Element mul(BigInteger k) {
        return new G2Element(point.dup().mult(k));
    }

    /** this · other. */
    public G2Element add(G2Element other) {
        return new G2Element(point.dup().add(other.point));
    }

    /** this^-1. */
    public G2Element neg() {
        return new G2Element(point.dup().neg());
    }

    /**
     * ∏ bases_i^scalars_i. jblst exposes no Pippenger or Straus routine, and with one JNI call per group operation a
     * Java-side interleaving costs more than it saves for the handful of terms Coconut combines, so this is a sum of
     * blst's (GLV-accelerated) single multiplications accumulated in one Jacobian point.
     */
    public static G2Element multiScalarMul(List<G2Element> bases, List<BigInteger> scalars) {
        if (bases.size() != scalars.size() || bases.isEmpty()) {
            throw new IllegalArgumentException("bases and scalars must be non-empty and of equal length");
        }
        P2 acc = bases.get(0).point.dup().mult(scalars.get(0));
        for (int i = 1; i < bases.size(); i++) {
            acc.add(bases.get(i).point.dup().mult(scalars.get(i)));
        }
        return new G2Element(acc);
    }

    public boolean isIdentity() {
        return point.is_inf();
    }

    /** The affine form for pairings (cached; read-only use). */
    public P2_Affine affine() {
        P2_Affine a = affine;
        if (a == null) {
            a = point.to_affine();
            affine = a;
        }
        return a;
    }

    /** The 96-byte compressed encoding. */
    public byte[] toBytes() {
        return affine().compress();
    }

    /**
     * Parses a compressed point and checks, in order: length, flag bits and x &lt; p (encoding), on-curve,
     * subgroup membership, canonical re-encoding, and (unless {@code allowIdentity}) that it is not the identity.
     */
    public static G2Element fromBytes(byte[] bytes, boolean allowIdentity) throws CoconutException {
        if (bytes == null || bytes.length != COMPRESSED_BYTES) {
            throw new CoconutException(
                    CoconutException.Kind.MALFORMED_ENCODING,
                    "a G2 point is " + COMPRESSED_BYTES + " bytes compressed");
        }
        if ((bytes[0] & 0x80) == 0) {
            throw new CoconutException(CoconutException.Kind.INVALID_POINT_ENCODING, "G2 point is not compressed");
        }
        P2_Affine a;
        try {
            a = new P2_Affine(bytes);
        } catch (RuntimeException e) {
            throw Points.decodeFailure("G2", e);
        }
        if (a.is_inf()) {
            if (!allowIdentity) {
                throw new CoconutException(CoconutException.Kind.IDENTITY_POINT, "G2 identity not allowed here");
            }
        } else {
            if (!a.on_curve()) {
                throw new CoconutException(CoconutException.Kind.POINT_NOT_ON_CURVE, "G2 point not on curve");
            }
            if (!a.in_group()) {
                throw new CoconutException(CoconutException.Kind.POINT_NOT_IN_SUBGROUP, "G2 point not in subgroup");
            }
        }
        if (!Arrays.equals(a.compress(), bytes)) {
            throw new CoconutException(CoconutException.Kind.INVALID_POINT_ENCODING, "non-canonical G2 encoding");
        }
        G2Element e = new G2Element(a.to_jacobian());
        e.affine = a;
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Element && point.is_equal(((G2Element) o).point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        byte[] b = toBytes();
        return "G2[" + Points.hexPrefix(b) + "]";
    }
}
