package nym.directory.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Deletes metrics reports older than the retention, and traffic history older than two hours, every minute, on every
 * instance (idempotent).
 */
@Singleton
public class MetricsRetention {

    @Inject
    MetricsService metrics;

    @Inject
    TrafficHistoryService history;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void prune() {
        metrics.deleteExpired();
        history.deleteExpired();
    }
}
