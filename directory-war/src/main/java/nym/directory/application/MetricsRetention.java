package nym.directory.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Deletes metrics reports older than the retention every minute, on every instance (idempotent). */
@Singleton
public class MetricsRetention {

    @Inject
    MetricsService metrics;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void prune() {
        metrics.deleteExpired();
    }
}
