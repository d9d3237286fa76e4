package nym.mixnode.scheduler;

import java.time.Duration;
import nym.mixnode.cryptoworker.Opened;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;
import nym.mixnode.pki.TopologyView;
import nym.sphinx.ProcessResult;

/**
 * A mix node's routing decision for a processed packet: only to a node of the next layer in the epoch document of
 * the key that opened the packet (after the last layer: a gateway), so a packet built before an epoch boundary is
 * routed by the document it was built from; only with a delay up to the node's maximum; then into the
 * {@link DelayScheduler}. Anything else is dropped and counted, including packets under the key of an epoch whose
 * document does not list this node. Under fault injection ({@link InjectedDrops}) a share of the packets that pass
 * these checks is dropped instead of scheduled, counted as {@link DropReason#INJECTED_FAULT}: nothing tells the sender
 * or the next hop.
 */
public final class Forwarder {

    private final long maxDelayNanos;
    private final TopologyView view;
    private final DelayScheduler scheduler;
    private final NodeMetrics metrics;
    private final InjectedDrops injectedDrops;

    public Forwarder(
            Duration maxDelay,
            TopologyView view,
            DelayScheduler scheduler,
            NodeMetrics metrics,
            InjectedDrops injectedDrops) {
        this.maxDelayNanos = maxDelay.toNanos();
        this.view = view;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.injectedDrops = injectedDrops;
    }

    public void forward(Opened<ProcessResult.Forward> opened) {
        ProcessResult.Forward packet = opened.result();
        if (packet.delayNanos() > maxDelayNanos) {
            metrics.dropped(DropReason.DELAY_TOO_LONG);
            return;
        }
        Peer next = view.nextHop(opened.keyEpoch(), packet.nextHop());
        if (next == null) {
            metrics.dropped(DropReason.UNKNOWN_NEXT_HOP);
            return;
        }
        if (injectedDrops.dropsNext()) {
            metrics.dropped(DropReason.INJECTED_FAULT);
            return;
        }
        scheduler.schedule(next, packet.packet(), packet.delayNanos());
    }
}
