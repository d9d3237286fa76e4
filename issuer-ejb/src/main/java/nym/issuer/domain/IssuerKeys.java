package nym.issuer.domain;

import java.util.Objects;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;

/**
 * Authority i's issuing material: the Coconut parameters, its secret key share sk_i, its verification key share
 * (i, vk_i) and the network's aggregated verification key. Never printed with the secret.
 */
public record IssuerKeys(
        int authority, Parameters params, SecretKey secretKey, VerificationKeyShare share, VerificationKey aggregated) {
    public IssuerKeys {
        Objects.requireNonNull(params);
        Objects.requireNonNull(secretKey);
        Objects.requireNonNull(share);
        Objects.requireNonNull(aggregated);
        if (share.index() != authority) {
            throw new IllegalArgumentException(
                    "the key share is authority " + share.index() + "'s, not authority " + authority + "'s");
        }
    }

    @Override
    public String toString() {
        return "IssuerKeys[authority " + authority + ", secret key redacted]";
    }
}
