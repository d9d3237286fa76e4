package nym.provider.interfaces.scheduling;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.provider.application.DepositReconciler;
import nym.provider.domain.ledger.LedgerUnavailable;
import nym.provider.domain.spend.SubmittedDeposit;

/**
 * Looks at the deposits sent without an answer every 10 seconds on every instance (the provider's lock keeps two
 * instances from handling one deposit at once), so they settle even when nobody asks for the spend's status.
 */
@Singleton
public class ReconcileSchedule {

    private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class.getName());

    @Inject
    DepositReconciler reconciler;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void round() {
        for (SubmittedDeposit deposit : reconciler.due()) {
            try {
                reconciler.reconcile(deposit.zeta());
            } catch (LedgerUnavailable e) {
                LOG.fine(() -> "ledger unreachable, submitted deposits wait for the next round: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "deposit " + deposit.depositId() + " could not be looked at", e);
            }
        }
    }
}
