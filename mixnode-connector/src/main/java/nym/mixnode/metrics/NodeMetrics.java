package nym.mixnode.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import nym.link.LinkException;

/**
 * The node's counters since it started: packets received from the wire, sent, dropped per {@link DropReason},
 * delivered into inboxes (gateways), and mix link failures per {@link LinkException.Kind}. Thread-safe; cheap on the
 * hot path (LongAdder).
 *
 * <p>Sent packets are counted in total, not per next hop: a per-link count is what an observer of the network would
 * correlate with a user's traffic (issue 17), so the node does not even keep one.
 */
public final class NodeMetrics {

    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final Map<LinkException.Kind, LongAdder> linkFailures = new EnumMap<>(LinkException.Kind.class);

    public NodeMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
        for (LinkException.Kind kind : LinkException.Kind.values()) {
            linkFailures.put(kind, new LongAdder());
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

    /**
     * A mix link failed or refused a connection (or a cell write), counted by kind: connections, not packets, so
     * kept apart from the drop reasons.
     */
    public void linkFailed(LinkException.Kind kind) {
        linkFailures.get(kind).increment();
    }

    public Snapshot snapshot() {
        Map<DropReason, Long> droppedNow = new EnumMap<>(DropReason.class);
        dropped.forEach((reason, n) -> droppedNow.put(reason, n.sum()));
        Map<LinkException.Kind, Long> linkFailuresNow = new EnumMap<>(LinkException.Kind.class);
        linkFailures.forEach((kind, n) -> linkFailuresNow.put(kind, n.sum()));
        return new Snapshot(received.sum(), sent.sum(), droppedNow, delivered.sum(), linkFailuresNow);
    }

    /** Totals at one moment. */
    public record Snapshot(
            long received,
            long sentTotal,
            Map<DropReason, Long> dropped,
            long delivered,
            Map<LinkException.Kind, Long> linkFailures) {

        public long dropped(DropReason reason) {
            return dropped.getOrDefault(reason, 0L);
        }

        public long linkFailures(LinkException.Kind kind) {
            return linkFailures.getOrDefault(kind, 0L);
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
            Map<LinkException.Kind, Long> failed = new EnumMap<>(LinkException.Kind.class);
            linkFailures.forEach((kind, n) -> {
                if (n != 0) {
                    failed.put(kind, n);
                }
            });
            return "received=" + received + " sent=" + sentTotal + " dropped=" + nonZero + " delivered=" + delivered
                    + " linkFailures=" + failed;
        }

        /** What happened between {@code earlier} and this snapshot. */
        public Snapshot minus(Snapshot earlier) {
            Map<DropReason, Long> droppedDelta = new EnumMap<>(DropReason.class);
            dropped.forEach((reason, n) -> droppedDelta.put(reason, n - earlier.dropped(reason)));
            Map<LinkException.Kind, Long> failedDelta = new EnumMap<>(LinkException.Kind.class);
            linkFailures.forEach((kind, n) -> failedDelta.put(kind, n - earlier.linkFailures(kind)));
            return new Snapshot(
                    received - earlier.received,
                    sentTotal - earlier.sentTotal,
                    droppedDelta,
                    delivered - earlier.delivered,
                    failedDelta);
        }
    }
}
