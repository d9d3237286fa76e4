package nym.link;

import com.southernstorm.noise.crypto.Curve25519;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A party's X25519 link key pair, derived from its Ed25519 identity so that the signed topology (which publishes
 * identity keys) is all a peer needs: the private key is RFC 8032's secret scalar (the first 32 bytes of
 * SHA-512(seed), clamped), the public key is the Montgomery form u = (1 + y) / (1 − y) mod p of the Ed25519 point.
 * Both forms name the same scalar times the same base point, so {@link #fromEd25519Seed}'s public key equals
 * {@link #x25519PublicKey} of the identity's public key. {@link #toString()} shows the public key only.
 */
public final class LinkKeys {

    public static final int KEY_BYTES = 32;

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private final byte[] privateKey;
    private final byte[] publicKey;

    private LinkKeys(byte[] privateKey) {
        this.privateKey = privateKey;
        this.publicKey = new byte[KEY_BYTES];
        Curve25519.eval(publicKey, 0, privateKey, null);
    }

    /** The link keys of the Ed25519 identity whose 32-byte RFC 8032 secret key (seed) is {@code seed}. */
    public static LinkKeys fromEd25519Seed(byte[] seed) {
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        byte[] digest = sha512(seed);
        byte[] scalar = Arrays.copyOf(digest, KEY_BYTES);
        Arrays.fill(digest, (byte) 0);
        scalar[0] &= (byte) 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        return new LinkKeys(scalar);
    }

    /**
     * The X25519 public key of an Ed25519 public key (little-endian y with the sign of x in the top bit, which the
     * Montgomery form drops). Throws {@link IllegalArgumentException} for a key that is not 32 bytes or whose y is 1
     * (the neutral point, no Montgomery form); other malformed keys give some u that no peer owns, so a handshake with
     * them fails.
     */
    public static byte[] x25519PublicKey(byte[] ed25519PublicKey) {
        if (ed25519PublicKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = ed25519PublicKey[KEY_BYTES - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        BigInteger y = new BigInteger(1, bigEndian).mod(P);
        BigInteger denominator = BigInteger.ONE.subtract(y).mod(P);
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("the Ed25519 neutral point has no X25519 form");
        }
        BigInteger u = BigInteger.ONE.add(y).multiply(denominator.modInverse(P)).mod(P);
        byte[] uBigEndian = u.toByteArray();
        byte[] out = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < uBigEndian.length; i++) {
            out[i] = uBigEndian[uBigEndian.length - 1 - i];
        }
        return out;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The clamped X25519 scalar, for the Noise handshake and for the directory's authorities, which agree on a key with
     * each node's Sphinx key to check its proofs of possession (directory-api's KeyPossession): public for them.
     */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    private static byte[] sha512(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "LinkKeys[" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
