package nym.verifier.domain;

/** What the ledger made of a vote. */
public enum VoteOutcome {
    /** Taken. */
    SENT,
    /** The ledger already has this verifier's vote (a redelivery after a crash): nothing left to do. */
    DUPLICATE_VOTE,
    /** The deposit is settled (accepted or rejected) by the others' votes: nothing left to do. */
    ALREADY_SETTLED,
    /**
     * The ledger node does not know the deposit yet (it lags behind the block holding it, e.g. after a fail-over to
     * another validator): not an answer on the deposit, so never recorded; the vote is sent again later.
     */
    UNKNOWN_DEPOSIT,
    /** Refused for another reason (e.g. this verifier is not registered); the ledger's log says which. */
    REFUSED
}
