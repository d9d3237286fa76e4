package nym.directory.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nym.directory.api.MixTrafficHistory;
import nym.directory.api.MixTrafficHistory.Bucket;
import nym.directory.api.MixTrafficHistory.NodeTraffic;
import nym.directory.domain.metrics.TrafficMinute;

/**
 * Turns stored per-node minutes into the served history: one bucket per minute of the range (zero where no report
 * arrived) summed over the nodes, and each node's totals over the range with its reliability.
 */
final class TrafficAggregation {

    static final long MINUTE_MILLIS = 60_000;

    private TrafficAggregation() {}

    /** The minute {@code millis} falls in. */
    static long minuteOf(long millis) {
        return Math.floorDiv(millis, MINUTE_MILLIS) * MINUTE_MILLIS;
    }

    /**
     * @param from the oldest minute's start
     * @param minutes how many minutes from there
     * @param rows the stored minutes of the range, any order; rows outside it are ignored
     */
    static MixTrafficHistory aggregate(long from, int minutes, String node, List<TrafficMinute> rows) {
        long to = from + minutes * MINUTE_MILLIS;
        Sums[] perMinute = new Sums[minutes];
        for (int i = 0; i < minutes; i++) {
            perMinute[i] = new Sums();
        }
        Map<String, Sums> perNode = new TreeMap<>();
        for (TrafficMinute row : rows) {
            if (row.minuteStart() < from || row.minuteStart() >= to) {
                continue;
            }
            perMinute[(int) ((row.minuteStart() - from) / MINUTE_MILLIS)].add(row);
            perNode.computeIfAbsent(row.identityKey(), k -> new Sums()).add(row);
        }
        List<Bucket> buckets = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            Sums s = perMinute[i];
            buckets.add(new Bucket(from + i * MINUTE_MILLIS, s.reports, s.received, s.sent, s.droppedView()));
        }
        List<NodeTraffic> nodes = perNode.entrySet().stream()
                .map(e -> e.getValue().node(e.getKey()))
                .toList();
        return new MixTrafficHistory(from, to, MINUTE_MILLIS, node, buckets, nodes);
    }

    /** Running sums of minutes. */
    private static final class Sums {
        int reports;
        long received;
        long sent;
        final Map<String, Long> dropped = new HashMap<>();

        void add(TrafficMinute row) {
            reports += row.reports();
            received += row.received();
            sent += row.sent();
            row.dropped().forEach((reason, n) -> dropped.merge(reason, n, Long::sum));
        }

        Map<String, Long> droppedView() {
            return new TreeMap<>(dropped);
        }

        NodeTraffic node(String identityKey) {
            long lost = dropped.values().stream().mapToLong(Long::longValue).sum();
            Double reliability = sent + lost == 0 ? null : (double) sent / (sent + lost);
            return new NodeTraffic(identityKey, received, sent, droppedView(), reliability);
        }
    }
}
