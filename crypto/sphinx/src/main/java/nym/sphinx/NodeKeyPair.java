package nym.sphinx;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** A node's X25519 key pair. The private key never appears in {@link #toString()}. */
public final class NodeKeyPair {

    private final byte[] privateKey;
    private final NodePublicKey publicKey;

    private NodeKeyPair(byte[] privateKey) {
        this.privateKey = privateKey;
        byte[] pub = new byte[SphinxSizes.X25519_KEY];
        X25519.scalarMultBase(privateKey, 0, pub, 0);
        this.publicKey = NodePublicKey.of(pub);
    }

    public static NodeKeyPair generate(SecureRandom random) {
        byte[] k = new byte[SphinxSizes.X25519_KEY];
        random.nextBytes(k);
        return new NodeKeyPair(k);
    }

    /** A key pair from a stored {@value SphinxSizes#X25519_KEY}-byte private key (copied; clamped when used). */
    public static NodeKeyPair fromPrivateKey(byte[] privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.length != SphinxSizes.X25519_KEY) {
            throw new IllegalArgumentException("an X25519 key has " + SphinxSizes.X25519_KEY + " bytes");
        }
        return new NodeKeyPair(privateKey.clone());
    }

    public NodePublicKey publicKey() {
        return publicKey;
    }

    public NodeAddress address() {
        return publicKey.address();
    }

    /** A copy of the private key, for storage. */
    public byte[] privateKeyBytes() {
        return privateKey.clone();
    }

    byte[] rawPrivateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "NodeKeyPair[public=" + publicKey + ", address=" + address() + "]";
    }
}
