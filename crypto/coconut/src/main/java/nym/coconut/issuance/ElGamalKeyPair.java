package nym.coconut.issuance;

import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.setup.Parameters;

/** The holder's ElGamal key pair (d, γ = g1^d). d is secret and never printed. */
public final class ElGamalKeyPair {
    private final SecretScalar d;
    private final ElGamalPublicKey publicKey;

    public ElGamalKeyPair(Parameters params, SecretScalar d) {
        this.d = d;
        this.publicKey = new ElGamalPublicKey(params.g1().mul(d.value()));
    }

    public static ElGamalKeyPair generate(Parameters params, RandomSource rng) {
        return new ElGamalKeyPair(params, SecretScalar.random(rng));
    }

    /** d. */
    public SecretScalar secretKey() {
        return d;
    }

    /** γ. */
    public ElGamalPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "ElGamalKeyPair[γ=" + publicKey.gamma() + ", d redacted]";
    }
}
