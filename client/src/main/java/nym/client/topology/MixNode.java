package nym.client.topology;

import nym.sphinx.NodePublicKey;

/**
 * A mix node as routes use it: its identity (for statistics and logs), Sphinx key and layer, and its score from the
 * network monitors.
 *
 * @param performance per mille (0..1000) as the epoch document gives it; null when the node has no score yet
 */
public record MixNode(String identityKey, NodePublicKey sphinxKey, int layer, String host, Integer performance) {

    /** The best score: what a node without one is weighted as. */
    public static final int FULL_PERFORMANCE = 1000;

    public MixNode {
        if (performance != null && (performance < 0 || performance > FULL_PERFORMANCE)) {
            throw new IllegalArgumentException("performance is per mille, 0.." + FULL_PERFORMANCE + ": " + performance);
        }
    }

    /** A node without a score. */
    public MixNode(String identityKey, NodePublicKey sphinxKey, int layer, String host) {
        this(identityKey, sphinxKey, layer, host, null);
    }

    /** The weight routes choose this node with: its performance, full for a node without a score. */
    public int routingWeight() {
        return performance == null ? FULL_PERFORMANCE : performance;
    }
}
