package nym.directory.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.directory.application.InstanceIdentity;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live once the directory is deployed; names the instance and authority so an operator knows who answered. */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Inject
    InstanceIdentity identity;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("directory")
                .up()
                .withData("instance", identity.instanceName())
                .withData("authority", identity.authority())
                .build();
    }
}
