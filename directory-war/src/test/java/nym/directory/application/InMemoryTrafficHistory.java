package nym.directory.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nym.directory.domain.metrics.MetricsReport;
import nym.directory.domain.metrics.TrafficHistoryRepository;
import nym.directory.domain.metrics.TrafficMinute;

/** {@link TrafficHistoryRepository} in a map, summing as the SQL upserts do; for tests. */
public final class InMemoryTrafficHistory implements TrafficHistoryRepository {

    private final Map<String, TrafficMinute> rows = new TreeMap<>();

    public static TrafficHistoryService serviceOver(TrafficHistoryRepository repository, Clock clock) {
        TrafficHistoryService s = new TrafficHistoryService();
        s.minutes = repository;
        s.clock = clock;
        return s;
    }

    @Override
    public void add(long minuteStart, MetricsReport r) {
        rows.merge(
                minuteStart + "/" + r.identityKey(),
                new TrafficMinute(minuteStart, r.identityKey(), 1, r.received(), r.sent(), new TreeMap<>(r.dropped())),
                (a, b) -> {
                    Map<String, Long> dropped = new TreeMap<>(a.dropped());
                    b.dropped().forEach((k, v) -> dropped.merge(k, v, Long::sum));
                    return new TrafficMinute(
                            minuteStart,
                            a.identityKey(),
                            a.reports() + 1,
                            a.received() + b.received(),
                            a.sent() + b.sent(),
                            dropped);
                });
    }

    @Override
    public List<TrafficMinute> minutesBetween(long from, long to, Optional<String> identityKey) {
        return new ArrayList<>(rows.values().stream()
                .filter(m -> m.minuteStart() >= from && m.minuteStart() < to)
                .filter(m -> identityKey.map(m.identityKey()::equals).orElse(true))
                .toList());
    }

    @Override
    public int deleteBefore(long minuteStart) {
        int before = rows.size();
        rows.values().removeIf(m -> m.minuteStart() < minuteStart);
        return before - rows.size();
    }

    public int size() {
        return rows.size();
    }
}
