package nym.sphinx;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A recipient's X25519 key pair for end-to-end sealing ({@link SealedPayload}); the public half is part of its address.
 * Separate from any node or identity key so it can be replaced on its own. The private key never appears in {@link
 * #toString()}.
 */
public final class EncryptionKeyPair {

    private final byte[] privateKey;
    private final byte[] publicKey = new byte[SphinxSizes.X25519_KEY];

    private EncryptionKeyPair(byte[] privateKey) {
        this.privateKey = privateKey;
        X25519.scalarMultBase(privateKey, 0, publicKey, 0);
    }

    public static EncryptionKeyPair generate(SecureRandom random) {
        byte[] k = new byte[SphinxSizes.X25519_KEY];
        random.nextBytes(k);
        return new EncryptionKeyPair(k);
    }

    /** A key pair from a stored {@value SphinxSizes#X25519_KEY}-byte private key (copied; clamped when used). */
    public static EncryptionKeyPair fromPrivateKey(byte[] privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.length != SphinxSizes.X25519_KEY) {
            throw new IllegalArgumentException("an X25519 key has " + SphinxSizes.X25519_KEY + " bytes");
        }
        return new EncryptionKeyPair(privateKey.clone());
    }

    /** A copy of the public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A copy of the private key, for storage. */
    public byte[] privateKeyBytes() {
        return privateKey.clone();
    }

    byte[] rawPrivateKey() {
        return privateKey;
    }

    byte[] rawPublicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "EncryptionKeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
    }
}
