package nym.mixnode.gateway;

import nym.gateway.api.ErrorMessage;
import nym.mixnode.pki.Peer;
import nym.mixnode.pki.TopologyView;
import nym.mixnode.scheduler.DelayScheduler;
import nym.sphinx.NodeAddress;

/**
 * Puts a client's packet into the mixnet: to a layer-1 node of a held epoch document, at once (through the delay
 * queue with no delay, so overload is bounded and counted like every other packet).
 */
public final class ClientPacketInjector {

    private final int packetSize;
    private final TopologyView view;
    private final DelayScheduler scheduler;

    public ClientPacketInjector(int packetSize, TopologyView view, DelayScheduler scheduler) {
        this.packetSize = packetSize;
        this.view = view;
        this.scheduler = scheduler;
    }

    /** Null when the packet is on its way, else why it was refused. */
    public ErrorMessage inject(byte[] firstHop, byte[] packet) {
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
        if (!scheduler.schedule(peer, packet, 0)) {
            return new ErrorMessage(ErrorMessage.Code.OVERLOADED, "gateway overloaded, packet dropped");
        }
        return null;
    }
}
