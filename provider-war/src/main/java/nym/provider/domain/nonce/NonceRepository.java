package nym.provider.domain.nonce;

import java.time.Instant;

/** Nonces issued by the providers; each can be used once, before it expires. */
public interface NonceRepository {

    void save(IssuedNonce nonce);

    /**
     * Marks the nonce used if {@code provider} issued it, it was never used and it has not expired at {@code now}; one
     * atomic step, so of two concurrent uses at most one succeeds.
     *
     * @return whether this call used it
     */
    boolean use(int provider, byte[] nonce, Instant now);

    /** Deletes nonces that expired before {@code before}, except those of recorded spends; returns how many. */
    int deleteExpired(Instant before);
}
