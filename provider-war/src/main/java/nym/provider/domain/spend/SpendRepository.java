package nym.provider.domain.spend;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accepted spends, one per ζ across all providers. Callers run these inside their transaction. */
public interface SpendRepository {

    /**
     * Takes the provider's deposit lock until the transaction ends (creating the provider's row on first use): its
     * deposits are signed with one ledger account, whose nonce allows one transaction at a time.
     */
    void lockProvider(int provider, String address);

    /**
     * Inserts the spend unless ζ is already recorded. If another transaction inserted the same ζ and has not ended,
     * this waits for it: then false if it committed, the insert if it rolled back.
     *
     * @return whether this spend was recorded (false: ζ was spent before)
     */
    boolean insertIfAbsent(Spend spend);

    /** Records the deposit that redeems the spend of ζ: its id, block height, and status pending. */
    void recordDeposit(byte[] zeta, String depositId, long height);

    /**
     * Records a deposit sent without an answer: status submitted, its id (the tx hash), its bytes and when it was
     * sent.
     */
    void recordSubmitted(byte[] zeta, String depositId, byte[] signedTx, Instant at);

    /** The deposit of ζ while it is submitted (answer lost, not found yet), else empty. */
    Optional<SubmittedDeposit> submitted(byte[] zeta);

    /** Every submitted deposit, longest waiting first, at most {@code limit}. */
    List<SubmittedDeposit> submittedDeposits(int limit);

    /** Counts one more sending of the submitted deposit of ζ, at {@code at}. */
    void recordResubmitted(byte[] zeta, Instant at);

    Optional<Spend> find(byte[] zeta);

    /** Records the ledger's final verdict on the deposit of ζ (accepted, rejected) or that it failed. */
    void settle(byte[] zeta, DepositStatus status, Instant at);
}
