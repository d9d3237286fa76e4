package nym.issuer.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.issuer.application.IssuerMetrics;
import nym.issuer.domain.PartialCredential;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** {@code nym_issuer_partial_credentials_total{outcome="issued"|"refused"}} in {@code /metrics?scope=application}. */
@ApplicationScoped
public class MicroProfileIssuerMetrics implements IssuerMetrics {

    @Inject
    MetricRegistry registry;

    @Override
    public void served(PartialCredential outcome) {
        registry.counter(
                        "nym.issuer.partial.credentials", new Tag("outcome", outcome.isIssued() ? "issued" : "refused"))
                .inc();
    }
}
