package nym.mixnode.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's counters since it started: packets received from the wire, sent, dropped per {@link DropReason},
 * delivered into inboxes (gateways). Thread-safe; cheap on the hot path (LongAdder).
 *
 * <p>Sent packets are counted in total, not per next hop: a per-link count is what an observer of the network would
 * correlate with a user's traffic (issue 17), so the node does not even keep one.
 */
public final class NodeMetrics {

    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    public NodeMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    public void received() {
        received.increment();
    }

    public void sent() {
        sent.increment();
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
        Map<DropReason, Long> droppedNow = new EnumMap<>(DropReason.class);
        dropped.forEach((reason, n) -> droppedNow.put(reason, n.sum()));
        return new Snapshot(received.sum(), sent.sum(), droppedNow, delivered.sum());
    }

    /** Totals at one moment. */
    public record Snapshot(long received, long sentTotal, Map<DropReason, Long> dropped, long delivered) {

        public long dropped(DropReason reason) {
            return dropped.getOrDefault(reason, 0L);
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
            return "received=" + received + " sent=" + sentTotal + " dropped=" + nonZero + " delivered=" + delivered;
        }

        /** What happened between {@code earlier} and this snapshot. */
        public Snapshot minus(Snapshot earlier) {
            Map<DropReason, Long> droppedDelta = new EnumMap<>(DropReason.class);
            dropped.forEach((reason, n) -> droppedDelta.put(reason, n - earlier.dropped(reason)));
            return new Snapshot(
                    received - earlier.received,
                    sentTotal - earlier.sentTotal,
                    droppedDelta,
                    delivered - earlier.delivered);
        }
    }
}
