package nym.directory.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorities' layer assignment for an epoch, which anyone holding the document can recompute: mix nodes sorted by
 * SHA-256(seed | identity key) (ties by key), then dealt to layers 1, 2, …, L, 1, 2, … in that order, so layer sizes
 * differ by at most one and a node cannot choose its layer.
 */
public final class LayerAssignment {

    private LayerAssignment() {}

    /** @return identity key → layer (1..layers) */
    public static Map<String, Integer> assign(byte[] seed, Collection<String> identityKeys, int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be positive");
        }
        List<String> order = identityKeys.stream()
                .distinct()
                .sorted(Comparator.comparing((String k) -> Keys.encode(rank(seed, k)))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            layerOf.put(order.get(i), i % layers + 1);
        }
        return layerOf;
    }

    /** The seed of epoch {@code epoch}: SHA-256 of a label, the network's name and the epoch number. */
    public static byte[] seed(String network, long epoch) {
        MessageDigest sha = sha256();
        sha.update(("nym-layer-seed-v1\n" + network + "\n" + epoch).getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    private static byte[] rank(byte[] seed, String identityKey) {
        MessageDigest sha = sha256();
        sha.update(seed);
        sha.update(identityKey.getBytes(StandardCharsets.US_ASCII));
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
