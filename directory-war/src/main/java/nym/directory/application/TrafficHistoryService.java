package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import nym.directory.api.MixTrafficHistory;
import nym.directory.domain.metrics.MetricsReport;
import nym.directory.domain.metrics.TrafficHistoryRepository;

/**
 * The traffic history of the last hour, kept in PostgreSQL as per-minute sums per node: the database is what the three
 * instances already share, so a report accepted by any instance is in the history every instance serves, and the
 * history survives a restart; a minute costs one row per reporting node (plus one per drop reason).
 */
@ApplicationScoped
public class TrafficHistoryService {

    /** The longest history served. */
    public static final int MAX_MINUTES = 60;

    /** Rows are kept twice as long as served, so a range never starts inside a pruned minute. */
    static final long RETENTION_MILLIS = 2 * MAX_MINUTES * TrafficAggregation.MINUTE_MILLIS;

    @Inject
    TrafficHistoryRepository minutes;

    Clock clock = Clock.systemUTC();

    /** Adds an accepted report to the minute it was accepted in (called in the transaction that stores it). */
    public void record(MetricsReport report) {
        minutes.add(TrafficAggregation.minuteOf(report.acceptedAt()), report);
    }

    /**
     * The last {@code count} minutes, the one running now included.
     *
     * @throws IllegalArgumentException if {@code count} is outside 1..{@link #MAX_MINUTES}
     */
    @Transactional
    public MixTrafficHistory lastMinutes(int count, Optional<String> node) {
        if (count < 1 || count > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be 1.." + MAX_MINUTES + ", not " + count);
        }
        long from = TrafficAggregation.minuteOf(clock.millis()) - (count - 1) * TrafficAggregation.MINUTE_MILLIS;
        long to = from + count * TrafficAggregation.MINUTE_MILLIS;
        return TrafficAggregation.aggregate(from, count, node.orElse(null), minutes.minutesBetween(from, to, node));
    }

    @Transactional
    public int deleteExpired() {
        return minutes.deleteBefore(clock.millis() - RETENTION_MILLIS);
    }
}
