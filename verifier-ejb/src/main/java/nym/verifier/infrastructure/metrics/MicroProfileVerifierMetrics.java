package nym.verifier.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import nym.verifier.application.VerifierMetrics;
import nym.verifier.domain.Verdict;
import nym.verifier.domain.VoteOutcome;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code nym_verifier_votes_total{verdict="accept"|"reject",outcome="sent"|"duplicate_vote"|"already_settled"|"refused"}}
 * in {@code /metrics?scope=application}.
 */
@ApplicationScoped
public class MicroProfileVerifierMetrics implements VerifierMetrics {

    @Inject
    MetricRegistry registry;

    @Override
    public void voted(Verdict verdict, VoteOutcome outcome) {
        registry.counter(
                        "nym.verifier.votes",
                        new Tag("verdict", verdict.accept() ? "accept" : "reject"),
                        new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT)))
                .inc();
    }
}
