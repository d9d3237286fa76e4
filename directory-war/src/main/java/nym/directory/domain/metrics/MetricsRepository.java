package nym.directory.domain.metrics;

import java.util.List;

/** Accepted metrics reports (table {@code mix_metrics}). */
public interface MetricsRepository {

    void store(MetricsReport report);

    /** Reports accepted in {@code [from, to)}, oldest first. */
    List<MetricsReport> acceptedBetween(long from, long to);

    int deleteAcceptedBefore(long before);
}
