package nym.coconut.keygen;

import java.util.List;

/**
 * What a trusted dealer hands out in ttpKeyGen(t, n): the n issuer shares and the group's verification key
 * vk = (g2, g2^x, g2^{y_j}) (which any t shares also yield through Lagrange aggregation).
 */
public record ThresholdKeys(int threshold, List<IssuerKey> issuers, VerificationKey verificationKey) {
    public ThresholdKeys {
        issuers = List.copyOf(issuers);
    }

    /** n. */
    public int size() {
        return issuers.size();
    }

    /** The share of index i (1-based). */
    public IssuerKey issuer(int index) {
        return issuers.get(index - 1);
    }

    @Override
    public String toString() {
        return "ThresholdKeys[t=" + threshold + ", n=" + issuers.size() + ", " + verificationKey + "]";
    }
}
