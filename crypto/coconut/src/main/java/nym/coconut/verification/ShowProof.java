package nym.coconut.verification;

import java.math.BigInteger;
import java.util.List;

/**
 * π_v = NIZK{(m_j, r) : κ = α g2^r ∏_{j&lt;p} β_j^{m_j} ∧ ν = h'^r ∧ ζ = g1^{m_0}}: challenge c and responses
 * r_r, r_{m_j} (r = w − c·witness). The challenge also covers the verifier's identity and nonce.
 */
public record ShowProof(BigInteger challenge, BigInteger responseR, List<BigInteger> responsesM) {
    public ShowProof {
        responsesM = List.copyOf(responsesM);
        if (responsesM.isEmpty()) {
            throw new IllegalArgumentException("at least one private attribute (the serial)");
        }
    }
}
