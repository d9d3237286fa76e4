package nym.sphinx;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A {@value SphinxSizes#ADDRESS}-byte address in routing information: the next mix node of a hop, or the destination
 * (a client) of the final hop. A node's address is derived from its public key by {@link #derive(byte[])}.
 */
public final class NodeAddress {

    private static final byte[] DOMAIN =
            "nym-sphinx/v2 node address".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] bytes;

    private NodeAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An address from its {@value SphinxSizes#ADDRESS} bytes (copied). */
    public static NodeAddress of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != SphinxSizes.ADDRESS) {
            throw new IllegalArgumentException("an address has " + SphinxSizes.ADDRESS + " bytes, got " + bytes.length);
        }
        return new NodeAddress(bytes.clone());
    }

    static NodeAddress copyOf(byte[] src, int off) {
        return new NodeAddress(Arrays.copyOfRange(src, off, off + SphinxSizes.ADDRESS));
    }

    /** The address of the node with this X25519 public key: SHA-256(domain | key). */
    public static NodeAddress derive(byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DOMAIN);
            sha.update(publicKey);
            return new NodeAddress(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
