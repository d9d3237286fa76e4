package nym.sphinx;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The {@value SphinxSizes#IDENTIFIER}-byte identifier the final hop reports: the SURB a reply answers, or random bytes
 * (of the same type, so nobody but the recipient tells them apart) for every other packet.
 */
public final class SurbId {

    private final byte[] bytes;

    private SurbId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SurbId of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != SphinxSizes.IDENTIFIER) {
            throw new IllegalArgumentException(
                    "a SURB id has " + SphinxSizes.IDENTIFIER + " bytes, got " + bytes.length);
        }
        return new SurbId(bytes.clone());
    }

    public static SurbId random(SecureRandom random) {
        byte[] b = new byte[SphinxSizes.IDENTIFIER];
        random.nextBytes(b);
        return new SurbId(b);
    }

    static SurbId copyOf(byte[] src, int off) {
        return new SurbId(Arrays.copyOfRange(src, off, off + SphinxSizes.IDENTIFIER));
    }

    void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurbId other && Arrays.equals(bytes, other.bytes);
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
