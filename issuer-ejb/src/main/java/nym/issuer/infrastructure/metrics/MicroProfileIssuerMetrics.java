package nym.issuer.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import nym.issuer.application.IssuerMetrics;
import nym.issuer.domain.PartialCredential;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * In {@code /metrics?scope=application}: {@code nym_issuer_partial_credentials_total{outcome="issued"|"refused"}},
 * the DKG's {@code nym_issuer_dkg_key_epoch} (latest key epoch on the ledger), {@code nym_issuer_dkg_installed_key_epoch}
 * (latest one whose share this authority installed), {@code nym_issuer_dkg_dealings_total} and
 * {@code nym_issuer_dkg_complaints_total} (accepted by the ledger).
 */
@ApplicationScoped
public class MicroProfileIssuerMetrics implements IssuerMetrics {

    @Inject
    MetricRegistry registry;

    private final AtomicLong keyEpoch = new AtomicLong();
    private final AtomicLong installed = new AtomicLong();

    @PostConstruct
    void register() {
        registry.gauge("nym.issuer.dkg.key.epoch", keyEpoch::get);
        registry.gauge("nym.issuer.dkg.installed.key.epoch", installed::get);
    }

    @Override
    public void served(PartialCredential outcome) {
        registry.counter(
                        "nym.issuer.partial.credentials", new Tag("outcome", outcome.isIssued() ? "issued" : "refused"))
                .inc();
    }

    @Override
    public void keyEpoch(long number) {
        keyEpoch.set(number);
    }

    @Override
    public void dealt() {
        registry.counter("nym.issuer.dkg.dealings").inc();
    }

    @Override
    public void complained() {
        registry.counter("nym.issuer.dkg.complaints").inc();
    }

    @Override
    public void installed(long keyEpoch) {
        installed.accumulateAndGet(keyEpoch, Math::max);
    }
}
