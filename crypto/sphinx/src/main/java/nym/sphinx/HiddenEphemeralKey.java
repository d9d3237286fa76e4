package nym.sphinx;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A sender's ephemeral X25519 key whose public half travels as an Elligator 2 representative ({@link Elligator2}), 32
 * bytes that look uniformly random, for {@link SealedPayload}.
 *
 * <p>The public key is "dirty": clamp(e)·B plus a random one of the 8 low-order points, so it is uniform over the
 * whole curve group; a clean e·B lies in the prime-order subgroup, which anyone can test by multiplying by ℓ. The
 * recipient's X25519 clamps its scalar to a multiple of 8, which removes the low-order part, so the shared secret is
 * X25519(e, R) as for a clean key. Keys whose dirty point has no representative (about half) are discarded and drawn
 * afresh, both e and the low-order point, so the kept points are uniform among those with a representative.
 */
final class HiddenEphemeralKey {

    private final byte[] privateKey;
    private final byte[] publicKey;
    private final byte[] representative;

    private HiddenEphemeralKey(byte[] privateKey, byte[] publicKey, byte[] representative) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.representative = representative;
    }

    static HiddenEphemeralKey generate(SecureRandom random) {
        byte[] e = new byte[SphinxSizes.X25519_KEY];
        byte[] clean = new byte[SphinxSizes.X25519_KEY];
        byte[] representative = new byte[SphinxSizes.X25519_KEY];
        while (true) {
            random.nextBytes(e);
            X25519.scalarMultBase(e, 0, clean, 0);
            byte[] dirty = CurvePoints.addLowOrder(clean, random.nextInt(8));
            if (Elligator2.encode(dirty, random, representative)) {
                return new HiddenEphemeralKey(e, dirty, representative);
            }
        }
    }

    /** The private scalar (not a copy). */
    byte[] privateKey() {
        return privateKey;
    }

    /** The dirty public key's u-coordinate (not a copy), which {@link Elligator2#decode} gives back. */
    byte[] publicKey() {
        return publicKey;
    }

    /** The representative as sent (not a copy). */
    byte[] representative() {
        return representative;
    }

    /** Zeroes the private key. */
    void destroy() {
        Arrays.fill(privateKey, (byte) 0);
    }
}
