package nym.provider.application;

import java.util.Objects;
import nym.coconut.verification.Theta;

/**
 * A credential shown to provider {@code provider}: the key epoch it was issued under, Θ (carrying ζ), the value it
 * claims, the binding (the provider's address) and the nonce the provider issued, all parsed already.
 */
public record SpendRequest(int provider, long keyEpoch, Theta theta, long value, byte[] binding, byte[] nonce) {

    public SpendRequest {
        Objects.requireNonNull(theta, "theta");
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
        binding = binding.clone();
        nonce = nonce.clone();
    }

    @Override
    public byte[] binding() {
        return binding.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }
}
