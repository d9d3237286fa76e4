package nym.provider.domain.spend;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential accepted by a provider, keyed by its double-spend tag ζ (48-byte compressed G1), with the deposit that
 * redeems it on the ledger.
 *
 * @param depositId the deposit transaction's hash (uppercase hex), {@code null} while submitting
 * @param depositHeight the block that holds the deposit, 0 while submitting
 * @param settledAt when the ledger's verdict was recorded, {@code null} before
 */
public record Spend(
        byte[] zeta,
        int provider,
        long value,
        byte[] nonce,
        Instant acceptedAt,
        String depositId,
        long depositHeight,
        DepositStatus status,
        Instant settledAt) {

    public static final int ZETA_BYTES = 48;

    public Spend {
        Objects.requireNonNull(zeta, "zeta");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(status, "status");
        if (zeta.length != ZETA_BYTES) {
            throw new IllegalArgumentException("ζ has " + ZETA_BYTES + " bytes");
        }
        zeta = zeta.clone();
        nonce = nonce.clone();
    }

    /** A spend just accepted, before its deposit is submitted. */
    public static Spend submitting(byte[] zeta, int provider, long value, byte[] nonce, Instant at) {
        return new Spend(zeta, provider, value, nonce, at, null, 0, DepositStatus.SUBMITTING, null);
    }

    @Override
    public byte[] zeta() {
        return zeta.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }
}
