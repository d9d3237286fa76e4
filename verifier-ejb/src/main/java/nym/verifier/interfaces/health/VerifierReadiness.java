package nym.verifier.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.verifier.application.VerifierRole;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The verifier role in {@code /health/ready}: an instance without an authority is ready (it plays no role); one whose
 * configured keys could not be read is not, since its votes would be missing from every settlement.
 */
@Readiness
@ApplicationScoped
public class VerifierReadiness implements HealthCheck {

    @Inject
    VerifierRole role;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("verifier")
                .status(!role.failed())
                .withData("role", role.check().isPresent() ? "active" : "idle")
                .withData("authority", role.authority())
                .withData("state", role.state())
                .build();
    }
}
