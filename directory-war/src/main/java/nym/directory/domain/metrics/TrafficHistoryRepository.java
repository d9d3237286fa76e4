package nym.directory.domain.metrics;

import java.util.List;
import java.util.Optional;

/** Per-minute sums of accepted metrics reports, per node, shared by every instance (sql/ V14). */
public interface TrafficHistoryRepository {

    /** Adds a report's counts to its node's sums of that minute. */
    void add(long minuteStart, MetricsReport report);

    /** The minutes in {@code [from, to)}, of one node or of all. */
    List<TrafficMinute> minutesBetween(long from, long to, Optional<String> identityKey);

    int deleteBefore(long minuteStart);
}
