package nym.verifier.domain;

/** Signs and submits a {@code VerificationVote} with this verifier's ledger key. */
public interface VoteSender {

    /** A vote on the deposit, answered once the ledger decided; transport failures are runtime exceptions. */
    Result send(String depositId, boolean accept);

    /** The ledger's answer. */
    record Result(VoteOutcome outcome, String txHash, String log) {}
}
