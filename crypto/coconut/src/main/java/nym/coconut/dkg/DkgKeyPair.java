package nym.coconut.dkg;

import nym.coconut.CoconutException;
import nym.coconut.RandomSource;

/**
 * An authority's DKG encryption key pair (dk, ek = g1^dk). The secret's text form (what {@code dkg.key} holds) is
 * 64 lowercase hex digits of dk; {@link #toString()} never shows it.
 */
public final class DkgKeyPair {

    public static DkgKeyPair generate(RandomSource rng) {
        throw new UnsupportedOperationException("contract only");
    }

    /** Parses the secret's text form (surrounding whitespace ignored); refuses 0 and non-canonical scalars. */
    public static DkgKeyPair fromSecretText(String text) throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    public String secretText() {
        throw new UnsupportedOperationException("contract only");
    }

    public DkgPublicKey publicKey() {
        throw new UnsupportedOperationException("contract only");
    }
}
