package nym.mixnode.incoming;

import nym.link.PeerAuthorizer;
import nym.mixnode.config.NodeMode;
import nym.mixnode.pki.TopologyView;

/**
 * Who may open a mix link to this node: the nodes of the previous layer in the current topology — gateways for layer
 * 1, layer n − 1 for layer n, the last mix layer for a gateway's mixnet listener. Asked at handshake message 3 with
 * the initiator's link key; a node not yet (or no longer) in the topology is refused.
 */
public final class PreviousLayerOnly implements PeerAuthorizer {

    private final TopologyView view;
    private final NodeMode mode;
    private final int layer;

    public PreviousLayerOnly(TopologyView view, NodeMode mode, int layer) {
        this.view = view;
        this.mode = mode;
        this.layer = layer;
    }

    @Override
    public boolean authorize(byte[] remoteStatic) {
        return view.isLinkKeyInLayer(remoteStatic, previousLayer());
    }

    private int previousLayer() {
        if (mode == NodeMode.GATEWAY) {
            return view.layers();
        }
        return layer == 1 ? view.gatewayLayer() : layer - 1;
    }
}
