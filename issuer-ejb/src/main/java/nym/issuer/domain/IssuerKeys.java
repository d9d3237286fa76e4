package nym.issuer.domain;

import java.util.Objects;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;

/**
 * Authority i's issuing material of one key epoch, as the DKG left it: the Coconut parameters, its secret key share
 * sk_i (in memory only), its verification key share (i, vk_i) and the group's verification key vk, both as the
 * ledger computed them. Never printed with the secret.
 */
public record IssuerKeys(
        int authority,
        long keyEpoch,
        Parameters params,
        SecretKey secretKey,
        VerificationKeyShare share,
        VerificationKey aggregated) {
    public IssuerKeys {
        Objects.requireNonNull(params);
        Objects.requireNonNull(secretKey);
        Objects.requireNonNull(share);
        Objects.requireNonNull(aggregated);
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
        if (share.index() != authority) {
            throw new IllegalArgumentException(
                    "the key share is authority " + share.index() + "'s, not authority " + authority + "'s");
        }
    }

    @Override
    public String toString() {
        return "IssuerKeys[authority " + authority + ", key epoch " + keyEpoch + ", secret key redacted]";
    }
}
