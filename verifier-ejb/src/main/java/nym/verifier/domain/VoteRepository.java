package nym.verifier.domain;

/** The verifiers' votes, shared by every instance (one row per authority and deposit). */
public interface VoteRepository {

    boolean hasVoted(int authority, String depositId);

    void add(Vote vote);
}
