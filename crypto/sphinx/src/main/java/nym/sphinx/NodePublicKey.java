package nym.sphinx;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A mix node's (or client's) X25519 public key, with its {@link NodeAddress}. */
public final class NodePublicKey {

    private final byte[] key;
    private final NodeAddress address;

    private NodePublicKey(byte[] key) {
        this.key = key;
        this.address = NodeAddress.derive(key);
    }

    /** A public key from its {@value SphinxSizes#X25519_KEY} bytes (copied). */
    public static NodePublicKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != SphinxSizes.X25519_KEY) {
            throw new IllegalArgumentException(
                    "an X25519 key has " + SphinxSizes.X25519_KEY + " bytes, got " + key.length);
        }
        return new NodePublicKey(key.clone());
    }

    public byte[] toBytes() {
        return key.clone();
    }

    byte[] raw() {
        return key;
    }

    public NodeAddress address() {
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodePublicKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "NodePublicKey[" + HexFormat.of().formatHex(key) + "]";
    }
}
