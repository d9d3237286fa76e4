package nym.mixnode.incoming;

import nym.link.PeerAuthorizer;
import nym.mixnode.pki.TopologyView;

/**
 * Who may open a mix link to this node: the nodes of its previous layer in any epoch document it holds — gateways
 * for a layer-1 node, layer n − 1 for layer n, the last mix layer for a gateway's mixnet listener — so links across
 * an epoch boundary (a packet built under the previous document) still work. Asked at handshake message 3 with the
 * initiator's link key; a node in no such position, or a listener whose own node no held document lists, refuses.
 */
public final class PreviousLayerOnly implements PeerAuthorizer {

    private final TopologyView view;

    public PreviousLayerOnly(TopologyView view) {
        this.view = view;
    }

    @Override
    public boolean authorize(byte[] remoteStatic) {
        return view.isPreviousLayer(remoteStatic);
    }
}
