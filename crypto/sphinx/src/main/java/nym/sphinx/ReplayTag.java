package nym.sphinx;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A {@value SphinxSizes#REPLAY_TAG}-byte tag derived from the hop's shared secret: the same packet always gives the
 * same tag at the same node, so a node that remembers tags (for the lifetime of its key) drops replays. It reveals
 * nothing about the shared secret (it is an independent HKDF output).
 */
public final class ReplayTag {

    private final byte[] bytes;

    ReplayTag(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayTag other && Arrays.equals(bytes, other.bytes);
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
