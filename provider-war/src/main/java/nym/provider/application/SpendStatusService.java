package nym.provider.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.ledger.LedgerUnavailable;
import nym.provider.domain.spend.DepositStatus;
import nym.provider.domain.spend.Spend;
import nym.provider.domain.spend.SpendRepository;

/**
 * Where a spend's deposit stands: the recorded row, refreshed from the ledger until it is settled; a deposit whose
 * answer was lost is looked up first ({@link DepositReconciler}).
 */
@ApplicationScoped
public class SpendStatusService {

    @Inject
    SpendRepository spends;

    @Inject
    Ledger ledger;

    @Inject
    ProviderSettings settings;

    @Inject
    DepositReconciler reconciler;

    /** The spend of ζ at provider {@code provider} with the ledger's latest verdict, and the votes so far. */
    @Transactional
    public SpendStatus status(int provider, byte[] zeta) {
        Spend spend = spends.find(zeta)
                .filter(s -> s.provider() == provider)
                .orElseThrow(() -> new SpendRefused(
                        Reason.UNKNOWN_SPEND, "no spend of this ζ is recorded at provider " + provider));
        if (spend.status() == DepositStatus.SUBMITTED) {
            try {
                reconciler.reconcile(zeta);
            } catch (LedgerUnavailable e) {
                return new SpendStatus(spend, Optional.empty()); // still submitted, as far as anyone can tell
            }
            spend = spends.find(zeta).orElseThrow();
        }
        Optional<Ledger.DepositState> onLedger = Optional.empty();
        if (spend.status() == DepositStatus.PENDING) {
            try {
                onLedger = ledger.deposit(spend.depositId());
            } catch (LedgerUnavailable e) {
                throw new SpendRefused(Reason.LEDGER_UNAVAILABLE, "the ledger cannot be reached: " + e.getMessage(), e);
            }
            DepositStatus now =
                    onLedger.map(d -> DepositStatus.fromWire(d.status())).orElse(spend.status());
            if (now.settled()) {
                spends.settle(zeta, now, settings.clock().instant());
                spend = spends.find(zeta).orElseThrow();
            }
        }
        return new SpendStatus(spend, onLedger);
    }

    /** A spend and, unless it was settled before, the deposit as the ledger sees it now. */
    public record SpendStatus(Spend spend, Optional<Ledger.DepositState> onLedger) {}
}
