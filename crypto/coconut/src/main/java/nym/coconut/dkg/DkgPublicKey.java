package nym.coconut.dkg;

import java.util.HexFormat;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.math.G1Element;

/** An authority's DKG encryption key ek = g1^dk: 48 bytes, compressed G1, never the identity. */
public record DkgPublicKey(G1Element point) {

    public DkgPublicKey {
        Objects.requireNonNull(point);
        if (point.isIdentity()) {
            throw new IllegalArgumentException("a DKG key is never the identity");
        }
    }

    public byte[] toBytes() {
        return point.toBytes();
    }

    /** Refuses anything but a canonical compressed point of the G1 subgroup other than the identity. */
    public static DkgPublicKey fromBytes(byte[] bytes) throws CoconutException {
        return new DkgPublicKey(G1Element.fromBytes(bytes, false));
    }

    /** Lowercase hex of {@link #toBytes()} (the form genesis and authority.toml carry). */
    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    /** Parses {@link #toHex()}'s form (either case); MALFORMED_ENCODING unless 96 hex digits, then the point kinds. */
    public static DkgPublicKey fromHex(String hex) throws CoconutException {
        return fromBytes(Hex.decode(hex, G1Element.COMPRESSED_BYTES, "DKG public key"));
    }
}
