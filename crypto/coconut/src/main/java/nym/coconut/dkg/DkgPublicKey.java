package nym.coconut.dkg;

import nym.coconut.CoconutException;
import nym.coconut.math.G1Element;

/** An authority's DKG encryption key ek = g1^dk: 48 bytes, compressed G1, never the identity. */
public record DkgPublicKey(G1Element point) {

    public byte[] toBytes() {
        throw new UnsupportedOperationException("contract only");
    }

    /** Refuses anything but a canonical compressed point of the G1 subgroup other than the identity. */
    public static DkgPublicKey fromBytes(byte[] bytes) throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    /** Lowercase hex of {@link #toBytes()} (the form genesis and authority.toml carry). */
    public String toHex() {
        throw new UnsupportedOperationException("contract only");
    }

    public static DkgPublicKey fromHex(String hex) throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }
}
