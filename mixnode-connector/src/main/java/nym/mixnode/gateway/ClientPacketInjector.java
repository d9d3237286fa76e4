package nym.mixnode.gateway;

import nym.gateway.api.ErrorMessage;
import nym.mixnode.bandwidth.BandwidthMeter;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.Peer;
import nym.mixnode.pki.TopologyView;
import nym.mixnode.scheduler.DelayScheduler;
import nym.sphinx.NodeAddress;

/**
 * Puts a client's packet into the mixnet: to a layer-1 node of a held epoch document, at once (through the delay
 * queue with no delay, so overload is bounded and counted like every other packet). A packet the gateway accepts
 * costs its sender one packet size of bandwidth ({@link BandwidthMeter}); a sender without it gets NO_BANDWIDTH and
 * the packet is dropped ({@link DropReason#NO_BANDWIDTH}). A packet dropped for overload is not charged.
 */
public final class ClientPacketInjector {

    static final String NO_BANDWIDTH_TEXT = "no bandwidth left at this gateway: spend a credential (RequestSpend)";

    private final int packetSize;
    private final TopologyView view;
    private final DelayScheduler scheduler;
    private final BandwidthMeter meter;
    private final NodeMetrics metrics;

    public ClientPacketInjector(
            int packetSize, TopologyView view, DelayScheduler scheduler, BandwidthMeter meter, NodeMetrics metrics) {
        this.packetSize = packetSize;
        this.view = view;
        this.scheduler = scheduler;
        this.meter = meter;
        this.metrics = metrics;
    }

    /** Null when the packet of {@code sender} is on its way, else why it was refused. */
    public ErrorMessage inject(byte[] sender, byte[] firstHop, byte[] packet) {
        if (packet.length != packetSize) {
            return new ErrorMessage(
                    ErrorMessage.Code.WRONG_PACKET_SIZE,
                    "packet of " + packet.length + " bytes, this network's packets are " + packetSize);
        }
        Peer peer = view.firstHop(NodeAddress.of(firstHop));
        if (peer == null) {
            return new ErrorMessage(
                    ErrorMessage.Code.UNKNOWN_FIRST_HOP, "first hop is not a layer-1 node of a held epoch document");
        }
        if (!meter.chargePacket(sender)) {
            metrics.dropped(DropReason.NO_BANDWIDTH);
            return new ErrorMessage(ErrorMessage.Code.NO_BANDWIDTH, NO_BANDWIDTH_TEXT);
        }
        if (!scheduler.schedule(peer, packet, 0)) {
            meter.refundPacket(sender);
            return new ErrorMessage(ErrorMessage.Code.OVERLOADED, "gateway overloaded, packet dropped");
        }
        return null;
    }
}
