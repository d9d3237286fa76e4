package nym.verifier.domain;

import java.util.Objects;

/**
 * A credential deposit as the ledger recorded it (event {@code redeem}): the provider claims {@code value} for the
 * credential spent with it, ζ is pending on the ledger until the verifiers' votes settle it.
 *
 * @param depositId the deposit transaction's hash, uppercase hex
 * @param eventId the event's id on the chain
 * @param provider the provider's address, {@code 0x…} (the deposit's signer: the verifier identity Θ must be bound to)
 * @param zeta ζ as the ledger wrote it, lowercase hex of the 48-byte compressed point
 * @param value the value the provider claims
 * @param credential the {@code credential} bytes (a {@code nym.credential.DepositPayload} if well formed)
 */
public record Deposit(String depositId, String eventId, String provider, String zeta, long value, byte[] credential) {
    public Deposit {
        Objects.requireNonNull(depositId);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(zeta);
        Objects.requireNonNull(credential);
        credential = credential.clone();
    }

    @Override
    public byte[] credential() {
        return credential.clone();
    }

    @Override
    public String toString() {
        return "Deposit[" + depositId + " at " + eventId + ", provider " + provider + ", value " + value + "]";
    }
}
