package nym.issuer.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.issuer.application.IssuerRole;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The issuer role's state in {@code /health/ready}: an instance without an authority is ready (it plays no role, e.g.
 * the DAS); one whose configured keys could not be read is not, since holders would ask it in vain.
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
                .withData("role", role.keys().isPresent() ? "active" : "idle")
                .withData("authority", role.authority())
                .withData("state", role.state())
                .build();
    }
}
