package nym.coconut.keygen;

import java.util.Objects;

/** Authority i's share of a threshold key: index i ≥ 1, sk_i = (x_i, y_i1..y_iq) and vk_i. */
public record IssuerKey(int index, SecretKey secretKey, VerificationKey verificationKey) {
    public IssuerKey {
        Objects.requireNonNull(secretKey);
        Objects.requireNonNull(verificationKey);
    }

    /** (i, vk_i), what verifiers and clients need. */
    public VerificationKeyShare verificationKeyShare() {
        return new VerificationKeyShare(index, verificationKey);
    }

    @Override
    public String toString() {
        return "IssuerKey[i=" + index + ", " + verificationKey + ", sk redacted]";
    }
}
