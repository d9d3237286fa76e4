package nym.provider.domain.ledger;

import java.util.Optional;
import nym.credential.KeyEpochVerificationKeys;

/**
 * What a provider needs from the ledger (ledger-app README, "Queries" and "Transactions"), including the completed
 * key epochs' keys ({@code /dkg/completed}, as {@link KeyEpochVerificationKeys.Ledger}). Transport failures are
 * {@link LedgerUnavailable}; refusals of a transaction are a {@link Submission} that is not ok.
 */
public interface Ledger extends KeyEpochVerificationKeys.Ledger {

    /** The chain id transactions must name. */
    String chainId();

    /** {@code /zeta}: whether ζ is unspent, pending (a deposit waits for votes) or spent. */
    ZetaState zeta(byte[] zeta);

    /** {@code /account}: the nonce the account's next transaction must carry. */
    long accountNonce(byte[] address);

    /** Broadcasts and waits for the block ({@code broadcast_tx_commit}). */
    Submission submit(byte[] signedTx);

    /**
     * {@code tx}: the committed transaction of this hash (its height, and the code it was executed with), empty if no
     * block holds it (yet).
     */
    Optional<Submission> transaction(String hash);

    /** {@code /deposit}: the deposit's state, empty if the ledger does not know it. */
    Optional<DepositState> deposit(String depositId);

    /** ζ's state on the ledger: {@code unspent}, {@code pending} or {@code spent}. */
    record ZetaState(String status, String depositId) {
        public boolean unspent() {
            return "unspent".equals(status);
        }
    }

    /**
     * The outcome of a broadcast, or a committed transaction found by its hash.
     *
     * @param code 0 when CheckTx and the block's execution passed, else the ledger's refusal code
     * @param log the ledger's reason ({@code KIND: reason})
     */
    record Submission(String hash, long height, int code, String log) {
        /** The ledger's code for a ζ that is pending or spent already. */
        public static final int DOUBLE_SPEND = 12;

        public boolean ok() {
            return code == 0;
        }
    }

    /** A deposit's state: {@code pending}, {@code accepted} or {@code rejected}, with the verifiers' votes. */
    record DepositState(String status, int accepts, int rejects, long height) {}
}
