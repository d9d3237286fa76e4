package nym.provider.domain.nonce;

import java.time.Instant;
import java.util.Objects;

/**
 * A fresh nonce a provider handed out for one showing: a credential must be proven over it (it is hashed into π_v),
 * which makes a recorded showing useless for a second spend.
 */
public record IssuedNonce(byte[] nonce, int provider, Instant issuedAt, Instant expiresAt) {

    /** 32 random bytes (Coconut accepts 16..255). */
    public static final int BYTES = 32;

    public IssuedNonce {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != BYTES) {
            throw new IllegalArgumentException("a nonce has " + BYTES + " bytes");
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }
}
