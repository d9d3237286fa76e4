package nym.coconut.math;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import nym.coconut.CoconutException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * An immutable element of G1 (BLS12-381), a thin wrapper around blst's {@link P1}. blst's {@code mult}/{@code add}
 * change their receiver, so every operation here works on a {@code dup()} and the wrapped point is never exposed.
 */
public final class G1Element {
    /** Compressed size: one base-field element, ⌈381 / 8⌉ = 48 bytes, flags in the top three bits. */
    public static final int COMPRESSED_BYTES = 48;
    /** g1, the standard generator of G1. */
    public static final G1Element GENERATOR = new G1Element(P1.generator());

    private final P1 point;
    private volatile P1_Affine affine;

    G1Element(P1 point) {
        this.point = point;
    }

    /** The wrapped point, for this package only; callers must not mutate it. */
    P1 raw() {
        return point;
    }

    /** Hash to G1 (RFC 9380, BLS12381G1_XMD:SHA-256_SSWU_RO_) under the domain-separation tag {@code dst}. */
    public static G1Element hashToCurve(byte[] message, String dst) {
        return new G1Element(new P1().hash_to(message, dst));
    }

    /** this^k (written multiplicatively as in the paper; k any non-negative integer). */
    public G1Element mul(BigInteger k) {
        return new G1Element(point.dup().mult(k));
    }

    /** this · other. */
    public G1Element add(G1Element other) {
        return new G1Element(point.dup().add(other.point));
    }

    /** this^-1. */
    public G1Element neg() {
        return new G1Element(point.dup().neg());
    }

    /**
     * ∏ bases_i^scalars_i. jblst exposes no Pippenger or Straus routine, and with one JNI call per group operation a
     * Java-side interleaving costs more than it saves for the handful of terms Coconut combines, so this is a sum of
     * blst's (GLV-accelerated) single multiplications accumulated in one Jacobian point.
     */
    public static G1Element multiScalarMul(List<G1Element> bases, List<BigInteger> scalars) {
        if (bases.size() != scalars.size() || bases.isEmpty()) {
            throw new IllegalArgumentException("bases and scalars must be non-empty and of equal length");
        }
        P1 acc = bases.get(0).point.dup().mult(scalars.get(0));
        for (int i = 1; i < bases.size(); i++) {
            acc.add(bases.get(i).point.dup().mult(scalars.get(i)));
        }
        return new G1Element(acc);
    }

    public boolean isIdentity() {
        return point.is_inf();
    }

    /** The affine form for pairings (cached; read-only use). */
    public P1_Affine affine() {
        P1_Affine a = affine;
        if (a == null) {
            a = point.to_affine();
            affine = a;
        }
        return a;
    }

    /** The 48-byte compressed encoding. */
    public byte[] toBytes() {
        return affine().compress();
    }

    /**
     * Parses a compressed point and checks, in order: length, flag bits and x &lt; p (encoding), on-curve,
     * subgroup membership, canonical re-encoding, and (unless {@code allowIdentity}) that it is not the identity.
     */
    public static G1Element fromBytes(byte[] bytes, boolean allowIdentity) throws CoconutException {
        if (bytes == null || bytes.length != COMPRESSED_BYTES) {
            throw new CoconutException(
                    CoconutException.Kind.MALFORMED_ENCODING,
                    "a G1 point is " + COMPRESSED_BYTES + " bytes compressed");
        }
        if ((bytes[0] & 0x80) == 0) {
            throw new CoconutException(CoconutException.Kind.INVALID_POINT_ENCODING, "G1 point is not compressed");
        }
        P1_Affine a;
        try {
            a = new P1_Affine(bytes);
        } catch (RuntimeException e) {
            throw Points.decodeFailure("G1", e);
        }
        if (a.is_inf()) {
            if (!allowIdentity) {
                throw new CoconutException(CoconutException.Kind.IDENTITY_POINT, "G1 identity not allowed here");
            }
        } else {
            if (!a.on_curve()) {
                throw new CoconutException(CoconutException.Kind.POINT_NOT_ON_CURVE, "G1 point not on curve");
            }
            if (!a.in_group()) {
                throw new CoconutException(CoconutException.Kind.POINT_NOT_IN_SUBGROUP, "G1 point not in subgroup");
            }
        }
        if (!Arrays.equals(a.compress(), bytes)) {
            throw new CoconutException(CoconutException.Kind.INVALID_POINT_ENCODING, "non-canonical G1 encoding");
        }
        G1Element e = new G1Element(a.to_jacobian());
        e.affine = a;
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1Element && point.is_equal(((G1Element) o).point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        byte[] b = toBytes();
        return "G1[" + Points.hexPrefix(b) + "]";
    }
}
