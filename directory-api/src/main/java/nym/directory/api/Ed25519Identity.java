package nym.directory.api;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair (RFC 8032, Bouncy Castle's implementation): a node's identity key or the directory's topology
 * key. {@link #toString()} never shows the secret.
 */
public final class Ed25519Identity {

    private final byte[] secret;
    private final byte[] publicKey;

    private Ed25519Identity(byte[] secret) {
        if (secret.length != Keys.SECRET_KEY_BYTES) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, "Ed25519 secret key must be 32 bytes");
        }
        this.secret = secret.clone();
        this.publicKey = new byte[Keys.PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(this.secret, 0, publicKey, 0);
    }

    public static Ed25519Identity generate(SecureRandom random) {
        byte[] seed = new byte[Keys.SECRET_KEY_BYTES];
        random.nextBytes(seed);
        try {
            return new Ed25519Identity(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public static Ed25519Identity generate() {
        return generate(new SecureRandom());
    }

    /** From the 32-byte RFC 8032 secret key (seed). */
    public static Ed25519Identity fromSecret(byte[] secret) {
        return new Ed25519Identity(secret);
    }

    public byte[] secretKey() {
        return secret.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key in its wire form. */
    public String publicKeyText() {
        return Keys.encode(publicKey);
    }

    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Keys.SIGNATURE_BYTES];
        Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** Pure Ed25519 verification; false for any malformed input, never throws. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null
                || signature == null
                || message == null
                || publicKey.length != Keys.PUBLIC_KEY_BYTES
                || signature.length != Keys.SIGNATURE_BYTES) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    @Override
    public String toString() {
        return "Ed25519Identity[" + publicKeyText() + "]";
    }
}
