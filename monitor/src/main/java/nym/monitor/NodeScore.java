package nym.monitor;

/**
 * A node's estimated performance for one epoch.
 *
 * @param identity the node's identity key (unpadded base64url, as the directory writes it)
 * @param performance per mille: round(1000 · p), p the estimated probability that the node forwards a packet
 * @param samples test loops whose route crossed the node
 */
public record NodeScore(String identity, int performance, int samples) {

    public NodeScore {
        if (performance < 0 || performance > 1000 || samples < 0) {
            throw new IllegalArgumentException("performance is per mille and samples are counted");
        }
    }
}
