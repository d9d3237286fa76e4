package nym.issuer.domain;

import java.util.Optional;

/**
 * The ledger as the DKG participant sees it: three queries and two signed transactions (with the issuer's
 * {@code issuer-account.key}). Transport failures are runtime exceptions; the participant tries again next round.
 */
public interface DkgLedger {

    /** The chain id every {@code DealingContext} names. */
    String chainId();

    /** {@code /dkg}: the latest key epoch, whatever its phase; empty before the first one began. */
    Optional<KeyEpoch> latest();

    /** {@code /dkg} with the epoch: that key epoch, empty if the ledger has none of that number. */
    Optional<KeyEpoch> keyEpoch(long number);

    /** {@code /dkg/completed}: the latest completed key epoch, empty while none has completed. */
    Optional<KeyEpoch> latestCompleted();

    /** {@code /dkg/dealings} with the epoch. */
    EpochDealings dealings(long keyEpoch);

    /** Signs and submits a {@code DkgDealing}, answered once the ledger decided. */
    Submission submitDealing(long keyEpoch, byte[] dealing);

    /** Signs and submits a {@code DkgComplaint} against {@code dealer}'s dealing, answered once the ledger decided. */
    Submission submitComplaint(long keyEpoch, int dealer, byte[] complaint);

    /**
     * The ledger's answer to a submission: accepted, or refused with its code (codespace {@code nym}) and log.
     *
     * @param code 0 when accepted, else the refusal's {@code LedgerException.Kind} code
     */
    record Submission(String txHash, int code, String log) {
        public boolean accepted() {
            return code == 0;
        }
    }
}
