package nym.watcher.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.watcher.interfaces.scheduling.WatcherSchedule;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The watcher in {@code /health/ready}: down only when it stopped on a fault that retrying cannot mend (its key or
 * pipe account unreadable, a token paying another account, a reorganization deeper than the confirmation depth),
 * which needs an operator; idle and retrying watchers are up.
 */
@Readiness
@ApplicationScoped
public class WatcherReadiness implements HealthCheck {

    @Inject
    WatcherSchedule schedule;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("watcher")
                .status(!schedule.stopped())
                .withData("state", schedule.state())
                .build();
    }
}
