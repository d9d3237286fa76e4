package nym.coconut.issuance;

import java.math.BigInteger;
import java.util.List;

/**
 * π_s = NIZK{(o, k_j, m_j) : cm = g1^o ∏ h_j^{m_j} ∧ a_j = g1^{k_j} ∧ b_j = γ^{k_j} h^{m_j}} as a Fiat–Shamir
 * Schnorr proof: challenge c and responses r_o, r_{k_j}, r_{m_j} (r = w − c·witness).
 */
public record BlindSignProof(
        BigInteger challenge, BigInteger responseO, List<BigInteger> responsesK, List<BigInteger> responsesM) {
    public BlindSignProof {
        responsesK = List.copyOf(responsesK);
        responsesM = List.copyOf(responsesM);
        if (responsesK.size() != responsesM.size()) {
            throw new IllegalArgumentException("one r_k and one r_m per private attribute");
        }
    }
}
