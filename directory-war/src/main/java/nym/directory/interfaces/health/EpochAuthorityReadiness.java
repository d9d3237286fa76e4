package nym.directory.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.directory.application.AuthorityKeys;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether this instance signs epoch documents: up and saying so when it signs or is configured to sign nothing (no
 * network tree or no authority index: it still builds and serves documents), down when the tree names it an
 * authority whose files cannot be used (its signature is missing from every document until repaired).
 */
@Readiness
@ApplicationScoped
public class EpochAuthorityReadiness implements HealthCheck {

    @Inject
    AuthorityKeys authority;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("epoch-authority")
                .status(!authority.failed())
                .withData("state", authority.state())
                .build();
    }
}
