package nym.verifier.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A verifier's vote on one deposit and what the ledger answered.
 *
 * @param voteTx the vote transaction's hash, when one was built
 * @param ledgerLog the ledger's refusal text, when it refused
 */
public record Vote(
        int authority,
        Deposit deposit,
        Verdict verdict,
        VoteOutcome outcome,
        Optional<String> voteTx,
        Optional<String> ledgerLog) {
    public Vote {
        Objects.requireNonNull(deposit);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(outcome);
    }
}
