package nym.coconut.issuance;

import java.util.Objects;
import nym.coconut.math.G1Element;

/** An ElGamal encryption c_j = (a_j, b_j) = (g1^{k_j}, γ^{k_j} · h^{m_j}) of private attribute m_j "in the exponent of h". */
public record Ciphertext(G1Element a, G1Element b) {
    public Ciphertext {
        Objects.requireNonNull(a);
        Objects.requireNonNull(b);
    }
}
