package nym.mixnode.scheduler;

import java.time.Duration;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;
import nym.mixnode.pki.TopologyView;
import nym.sphinx.ProcessResult;

/**
 * A mix node's routing decision for a processed packet: only to a node of the next layer in the current topology
 * (after the last layer: a gateway), only with a delay up to the node's maximum; then into the {@link DelayScheduler}.
 * Anything else is dropped and counted.
 */
public final class Forwarder {

    private final int layer;
    private final long maxDelayNanos;
    private final TopologyView view;
    private final DelayScheduler scheduler;
    private final NodeMetrics metrics;

    public Forwarder(int layer, Duration maxDelay, TopologyView view, DelayScheduler scheduler, NodeMetrics metrics) {
        this.layer = layer;
        this.maxDelayNanos = maxDelay.toNanos();
        this.view = view;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    public void forward(ProcessResult.Forward packet) {
        if (packet.delayNanos() > maxDelayNanos) {
            metrics.dropped(DropReason.DELAY_TOO_LONG);
            return;
        }
        Peer next = view.peerInLayer(packet.nextHop(), layer + 1);
        if (next == null) {
            metrics.dropped(DropReason.UNKNOWN_NEXT_HOP);
            return;
        }
        scheduler.schedule(next, packet.packet(), packet.delayNanos());
    }
}
