package nym.provider.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.provider.domain.provider.ProviderRegistry;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live once deployed (a network tree with bad keys fails the deployment instead); says how many providers this
 * instance serves, 0 when it has no network tree.
 */
@Liveness
@ApplicationScoped
public class ProviderLiveness implements HealthCheck {

    @Inject
    ProviderRegistry providers;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("provider")
                .up()
                .withData("providers", providers.all().size())
                .build();
    }
}
