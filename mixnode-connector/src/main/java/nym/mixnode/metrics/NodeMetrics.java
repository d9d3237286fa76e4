package nym.mixnode.metrics;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's counters since it started: packets received from the wire, sent per next hop ({@code host:port}),
 * dropped per {@link DropReason}, delivered into inboxes (gateways). Thread-safe; cheap on the hot path (LongAdder).
 */
public final class NodeMetrics {

    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    public NodeMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    public void received() {
        received.increment();
    }

    public void sent(String nextHop) {
        sent.computeIfAbsent(nextHop, k -> new LongAdder()).increment();
    }

    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    public void dropped(DropReason reason, int count) {
        dropped.get(reason).add(count);
    }

    public void delivered() {
        delivered.increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> sentNow = new HashMap<>();
        sent.forEach((hop, n) -> sentNow.put(hop, n.sum()));
        Map<DropReason, Long> droppedNow = new EnumMap<>(DropReason.class);
        dropped.forEach((reason, n) -> droppedNow.put(reason, n.sum()));
        return new Snapshot(received.sum(), Map.copyOf(sentNow), droppedNow, delivered.sum());
    }

    /** Totals at one moment. */
    public record Snapshot(long received, Map<String, Long> sent, Map<DropReason, Long> dropped, long delivered) {

        public long dropped(DropReason reason) {
            return dropped.getOrDefault(reason, 0L);
        }

        public long sentTotal() {
            return sent.values().stream().mapToLong(Long::longValue).sum();
        }

        public long droppedTotal() {
            return dropped.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Counts, with the drop reasons that occurred only. */
        @Override
        public String toString() {
            Map<DropReason, Long> nonZero = new EnumMap<>(DropReason.class);
            dropped.forEach((reason, n) -> {
                if (n != 0) {
                    nonZero.put(reason, n);
                }
            });
            return "received=" + received + " sent=" + sent + " dropped=" + nonZero + " delivered=" + delivered;
        }

        /** What happened between {@code earlier} and this snapshot. */
        public Snapshot minus(Snapshot earlier) {
            Map<String, Long> sentDelta = new HashMap<>();
            sent.forEach((hop, n) -> {
                long d = n - earlier.sent.getOrDefault(hop, 0L);
                if (d != 0) {
                    sentDelta.put(hop, d);
                }
            });
            Map<DropReason, Long> droppedDelta = new EnumMap<>(DropReason.class);
            dropped.forEach((reason, n) -> droppedDelta.put(reason, n - earlier.dropped(reason)));
            return new Snapshot(
                    received - earlier.received, Map.copyOf(sentDelta), droppedDelta, delivered - earlier.delivered);
        }
    }
}
