package nym.coconut.dkg;

import java.math.BigInteger;
import java.util.HexFormat;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.math.G1Element;
import nym.coconut.math.Scalars;

/**
 * An authority's DKG encryption key pair (dk, ek = g1^dk). The secret's text form (what {@code dkg.key} holds) is
 * 64 lowercase hex digits of dk; {@link #toString()} never shows it.
 */
public final class DkgKeyPair {
    private final SecretScalar secret;
    private final DkgPublicKey publicKey;

    private DkgKeyPair(SecretScalar secret) {
        this.secret = secret;
        this.publicKey = new DkgPublicKey(G1Element.GENERATOR.mul(secret.value()));
    }

    public static DkgKeyPair generate(RandomSource rng) {
        return new DkgKeyPair(SecretScalar.random(rng));
    }

    /** Parses the secret's text form (surrounding whitespace ignored); refuses 0 and non-canonical scalars. */
    public static DkgKeyPair fromSecretText(String text) throws CoconutException {
        if (text == null) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "no DKG secret key text");
        }
        SecretScalar secret = SecretScalar.fromBytes(Hex.decode(text.strip(), Scalars.BYTES, "DKG secret key"));
        if (secret.value().signum() == 0) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "DKG secret key is zero");
        }
        return new DkgKeyPair(secret);
    }

    public String secretText() {
        return HexFormat.of().formatHex(secret.toBytes());
    }

    public DkgPublicKey publicKey() {
        return publicKey;
    }

    /** dk, for the dealing and complaint code of this package. */
    BigInteger secret() {
        return secret.value();
    }

    @Override
    public String toString() {
        return "DkgKeyPair[ek=" + publicKey.toHex() + ", dk redacted]";
    }
}
