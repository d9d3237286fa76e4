package nym.client.qos;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quality of service from loop cover packets (Loopix): each loop travels a full route back to its sender; one that
 * returns gives a round-trip time, one not back within the timeout is lost. Reliability and round-trip times are kept
 * over the last {@code window} finished loops (so a failure shows quickly and heals when routes avoid it), and per mix
 * node over the client's lifetime (so a lost loop points at the nodes it crossed). Thread-safe.
 */
public final class LoopStatistics {

    private final Duration timeout;
    private final int window;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final ArrayDeque<Long> recentRtts = new ArrayDeque<>(); // nanos; -1 marks a lost loop
    private final Map<String, long[]> perNode = new HashMap<>(); // identity -> {sent, returned, lost}
    private long sent;
    private long returned;
    private long lost;
    private long unknown;

    private record Pending(long sentAt, List<String> nodes) {}

    public LoopStatistics(Duration timeout, int window) {
        if (timeout.isNegative() || timeout.isZero() || window < 1) {
            throw new IllegalArgumentException("timeout must be positive and window at least 1");
        }
        this.timeout = timeout;
        this.window = window;
    }

    /** A loop packet {@code loopId} left at {@code nowNanos} over the mix nodes {@code nodes}. */
    public synchronized void sent(long loopId, List<String> nodes, long nowNanos) {
        pending.put(loopId, new Pending(nowNanos, List.copyOf(nodes)));
        sent++;
        for (String node : nodes) {
            perNode.computeIfAbsent(node, n -> new long[3])[0]++;
        }
    }

    /**
     * Loop {@code loopId} came back at {@code nowNanos}: its round-trip time, or empty for a loop this client did not
     * send or has already given up on (counted as {@code unknown}, e.g. a replayed or very late loop).
     */
    public synchronized Optional<Duration> returned(long loopId, long nowNanos) {
        Pending p = pending.remove(loopId);
        if (p == null) {
            unknown++;
            return Optional.empty();
        }
        long rtt = Math.max(0, nowNanos - p.sentAt());
        returned++;
        for (String node : p.nodes()) {
            perNode.get(node)[1]++;
        }
        record(rtt);
        return Optional.of(Duration.ofNanos(rtt));
    }

    /** Counts every loop older than the timeout at {@code nowNanos} as lost; their ids, oldest first. */
    public synchronized List<Long> expire(long nowNanos) {
        List<Long> expired = new ArrayList<>();
        Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Pending> entry = it.next();
            Pending p = entry.getValue();
            if (nowNanos - p.sentAt() < timeout.toNanos()) {
                break; // insertion order is sending order
            }
            it.remove();
            expired.add(entry.getKey());
            lost++;
            for (String node : p.nodes()) {
                perNode.get(node)[2]++;
            }
            record(-1);
        }
        return expired;
    }

    private void record(long rttOrLost) {
        recentRtts.addLast(rttOrLost);
        if (recentRtts.size() > window) {
            recentRtts.removeFirst();
        }
    }

    public synchronized LoopReport report() {
        long[] rtts = recentRtts.stream()
                .mapToLong(Long::longValue)
                .filter(r -> r >= 0)
                .sorted()
                .toArray();
        int finished = recentRtts.size();
        double reliability = finished == 0 ? Double.NaN : (double) rtts.length / finished;
        Map<String, LoopReport.NodeCounts> nodes = new LinkedHashMap<>();
        perNode.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> nodes.put(
                        e.getKey(), new LoopReport.NodeCounts(e.getValue()[0], e.getValue()[1], e.getValue()[2])));
        return new LoopReport(
                sent,
                returned,
                lost,
                pending.size(),
                unknown,
                finished,
                reliability,
                millis(
                        rtts.length == 0
                                ? Double.NaN
                                : Arrays.stream(rtts).average().orElseThrow()),
                millis(percentile(rtts, 0.5)),
                millis(percentile(rtts, 0.95)),
                nodes);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(double nanos) {
        return nanos / 1e6;
    }
}
