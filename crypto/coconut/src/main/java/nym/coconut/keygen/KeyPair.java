package nym.coconut.keygen;

import java.util.Objects;

/** (sk, vk) of one signer. */
public record KeyPair(SecretKey secretKey, VerificationKey verificationKey) {
    public KeyPair {
        Objects.requireNonNull(secretKey);
        Objects.requireNonNull(verificationKey);
    }

    @Override
    public String toString() {
        return "KeyPair[" + verificationKey + ", sk redacted]";
    }
}
