package nym.provider.domain.spend;

import java.time.Instant;
import java.util.Objects;

/**
 * A deposit sent to the ledger whose answer was lost (timeout, connection reset after sending): it may or may not be
 * in a block. Its hash is known without the ledger's answer (uppercase hex SHA-256 of the signed bytes), so it can
 * be looked up; the bytes are kept so that it can be sent again unchanged, which can never make a second deposit.
 *
 * @param submittedAt when it was last sent
 * @param resubmissions how often it was sent again after being looked for in vain
 */
public record SubmittedDeposit(
        byte[] zeta, int provider, String depositId, byte[] signedTx, Instant submittedAt, int resubmissions) {

    public SubmittedDeposit {
        Objects.requireNonNull(depositId, "depositId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        zeta = zeta.clone();
        signedTx = signedTx.clone();
    }

    @Override
    public byte[] zeta() {
        return zeta.clone();
    }

    @Override
    public byte[] signedTx() {
        return signedTx.clone();
    }
}
