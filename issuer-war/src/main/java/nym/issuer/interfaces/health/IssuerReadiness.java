package nym.issuer.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import nym.issuer.application.IssuerRole;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The issuer role's state in {@code /health/ready}: an instance without an authority is ready (it plays no role, e.g.
 * the DAS), and so is one waiting for key generation (the DKG takes a few blocks; it will sign once done); one whose
 * role failed (files unreadable, or a derived share that does not match the ledger's) is not, since holders would
 * ask it in vain.
 */
@Readiness
@ApplicationScoped
public class IssuerReadiness implements HealthCheck {

    @Inject
    IssuerRole role;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("issuer")
                .status(!role.failed())
                .withData("role", role.mode().name().toLowerCase(Locale.ROOT))
                .withData("authority", role.authority())
                .withData("state", role.state())
                .build();
    }
}
