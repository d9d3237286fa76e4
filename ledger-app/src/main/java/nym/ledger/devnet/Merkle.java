package nym.ledger.devnet;

import java.security.MessageDigest;
import java.util.List;

/** CometBFT's simple Merkle tree (RFC 6962 style): leaf = H(0x00 || x), inner = H(0x01 || l || r), empty = H(""). */
public final class Merkle {
    private Merkle() {}

    public static byte[] root(List<byte[]> items) {
        return root(items, 0, items.size());
    }

    private static byte[] root(List<byte[]> items, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return sha256((byte) 0, items.get(from));
        }
        int k = Integer.highestOneBit(n - 1);
        byte[] left = root(items, from, from + k);
        byte[] right = root(items, from + k, to);
        MessageDigest md = md();
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** Sibling hashes from the leaf up to the root, for item {@code index} (CometBFT's "aunts"). */
    public static List<byte[]> aunts(List<byte[]> items, int index) {
        List<byte[]> out = new java.util.ArrayList<>();
        aunts(items, 0, items.size(), index, out);
        return out;
    }

    private static void aunts(List<byte[]> items, int from, int to, int index, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < from + k) {
            aunts(items, from, from + k, index, out);
            out.add(root(items, from + k, to));
        } else {
            aunts(items, from + k, to, index, out);
            out.add(root(items, from, from + k));
        }
    }

    public static byte[] leafHash(byte[] item) {
        return sha256((byte) 0, item);
    }

    private static byte[] sha256(byte prefix, byte[] b) {
        MessageDigest md = md();
        md.update(prefix);
        md.update(b);
        return md.digest();
    }

    public static byte[] sha256(byte[] b) {
        return md().digest(b);
    }

    private static MessageDigest md() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
