package nym.provider.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.ledger.LedgerUnavailable;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.provider.ProviderRegistry;
import nym.provider.domain.spend.DepositStatus;
import nym.provider.domain.spend.Spend;
import nym.provider.domain.spend.SpendRepository;
import nym.provider.domain.spend.SubmittedDeposit;

/**
 * Settles deposits whose broadcast answer was lost ({@link DepositStatus#SUBMITTED}): the ledger is asked for the
 * transaction by its hash; found, the spend is pending at its height (or failed, if its block refused it); not found
 * {@link ProviderSettings#depositLookup()} after it was last sent, the same bytes are sent again (the same hash: the
 * ledger can never hold two deposits of them), at most {@link ProviderSettings#depositResubmissions()} times; not
 * found after the last wait, the spend is failed. Runs under the provider's deposit lock, like a deposit, so
 * instances never race on one.
 */
@ApplicationScoped
public class DepositReconciler {

    private static final Logger LOG = Logger.getLogger(DepositReconciler.class.getName());

    /** Most deposits looked at per round, so one round stays short. */
    static final int ROUND = 50;

    @Inject
    SpendRepository spends;

    @Inject
    Ledger ledger;

    @Inject
    ProviderRegistry providers;

    @Inject
    ProviderSettings settings;

    /** The submitted deposits to look at in this round, longest waiting first. */
    @Transactional
    public List<SubmittedDeposit> due() {
        return spends.submittedDeposits(ROUND);
    }

    /**
     * One look at the deposit of ζ, if it is still submitted.
     *
     * @return the spend's status afterwards
     * @throws LedgerUnavailable when the ledger could not be asked (nothing changed)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public DepositStatus reconcile(byte[] zeta) {
        Optional<SubmittedDeposit> unlocked = spends.submitted(zeta);
        if (unlocked.isEmpty()) {
            return spends.find(zeta).map(Spend::status).orElseThrow();
        }
        Provider provider = providers.byIndex(unlocked.get().provider()).orElseThrow();
        spends.lockProvider(provider.index(), provider.address());
        Optional<SubmittedDeposit> locked = spends.submitted(zeta); // another instance may have settled it meanwhile
        if (locked.isEmpty()) {
            return spends.find(zeta).map(Spend::status).orElseThrow();
        }
        SubmittedDeposit deposit = locked.get();
        Optional<Ledger.Submission> found = ledger.transaction(deposit.depositId());
        if (found.isPresent()) {
            return record(deposit, found.get());
        }
        Instant now = settings.clock().instant();
        if (now.isBefore(deposit.submittedAt().plus(settings.depositLookup()))) {
            return DepositStatus.SUBMITTED;
        }
        if (deposit.resubmissions() >= settings.depositResubmissions()) {
            return fail(deposit, "not in a block after " + (deposit.resubmissions() + 1) + " sendings");
        }
        return resubmit(deposit, now);
    }

    private DepositStatus resubmit(SubmittedDeposit deposit, Instant now) {
        LOG.info(() -> "deposit " + deposit.depositId() + " not found on the ledger: sending it again ("
                + (deposit.resubmissions() + 1) + " of " + settings.depositResubmissions() + ")");
        Ledger.Submission again;
        try {
            again = ledger.submit(deposit.signedTx());
        } catch (LedgerUnavailable lostAgain) {
            spends.recordResubmitted(deposit.zeta(), now);
            LOG.warning(() ->
                    "deposit " + deposit.depositId() + " sent again without an answer: " + lostAgain.getMessage());
            return DepositStatus.SUBMITTED;
        }
        if (again.ok()) {
            return record(deposit, again);
        }
        // Refused (already in the mempool, or its nonce taken, perhaps by the first sending itself, committed since):
        // looked up again after the next wait, failed only once the resubmissions are spent.
        spends.recordResubmitted(deposit.zeta(), now);
        LOG.warning(() -> "deposit " + deposit.depositId() + " refused when sent again: " + again.log());
        return DepositStatus.SUBMITTED;
    }

    private DepositStatus record(SubmittedDeposit deposit, Ledger.Submission committed) {
        if (!committed.ok()) {
            return fail(deposit, "its block refused it: " + committed.log());
        }
        spends.recordDeposit(deposit.zeta(), deposit.depositId(), committed.height());
        LOG.info(() -> "deposit " + deposit.depositId() + " found in block " + committed.height() + ": pending");
        return DepositStatus.PENDING;
    }

    private DepositStatus fail(SubmittedDeposit deposit, String why) {
        spends.settle(deposit.zeta(), DepositStatus.FAILED, settings.clock().instant());
        LOG.severe(() -> "deposit " + deposit.depositId() + " of provider " + deposit.provider() + " failed: " + why);
        return DepositStatus.FAILED;
    }
}
