package nym.mixnode.pki;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import nym.directory.api.EpochDocument;
import nym.sphinx.NodeAddress;

/**
 * The node's view of the network: every verified epoch document it holds (the current epoch's, the next one once
 * published, the previous one until its validity ends), each indexed by the Sphinx addresses of that epoch
 * ({@link EpochView}). A packet is routed by the document of the key that opened it, so packets built before a
 * boundary still find their next hop after it; a link is accepted from a node that is in this node's previous layer
 * in any held document, so links across a boundary work too. Readers on any thread see one consistent set (a
 * volatile map swapped whole).
 */
public final class TopologyView {

    private final String ownIdentityKey;
    private volatile Map<Long, EpochView> epochs = Map.of();

    /** @param ownIdentityKey this node's identity key, to find its own layer in each document */
    public TopologyView(String ownIdentityKey) {
        this.ownIdentityKey = ownIdentityKey;
    }

    /** Replaces the held documents with {@code documents} (already verified). */
    public void update(Collection<EpochDocument> documents) {
        Map<Long, EpochView> next = new HashMap<>();
        documents.forEach(d -> next.put(d.epoch(), EpochView.of(d, ownIdentityKey)));
        epochs = Map.copyOf(next);
    }

    /**
     * The next hop of a packet opened with this node's key of {@code epoch}: the node at {@code address} in that
     * epoch's document if it is at this node's position + 1 there (after the last layer: a gateway); null if it is
     * not, if this node is not a mix node of that document, or if the document is not held.
     */
    public Peer nextHop(long epoch, NodeAddress address) {
        EpochView view = epochs.get(epoch);
        if (view == null || view.ownPosition() == EpochView.ABSENT || view.ownPosition() == view.gatewayPosition()) {
            return null;
        }
        return view.peerAt(address, view.ownPosition() + 1);
    }

    /** A gateway's first hop for a client packet: a layer-1 node at {@code address} in any held document, else null. */
    public Peer firstHop(NodeAddress address) {
        for (EpochView view : epochs.values()) {
            Peer peer = view.peerAt(address, 1);
            if (peer != null) {
                return peer;
            }
        }
        return null;
    }

    /** True if {@code linkKey} belongs to a node of this node's previous position in any held document. */
    public boolean isPreviousLayer(byte[] linkKey) {
        for (EpochView view : epochs.values()) {
            if (view.isPreviousPosition(linkKey)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This node's layer in {@code epoch}'s document (1..n; gateways n + 1); empty if the document is not held or does
     * not list this node.
     */
    public OptionalInt layerIn(long epoch) {
        EpochView view = epochs.get(epoch);
        return view == null || view.ownPosition() == EpochView.ABSENT
                ? OptionalInt.empty()
                : OptionalInt.of(view.ownPosition());
    }

    /** The epochs whose documents are held, oldest first. */
    public Set<Long> epochs() {
        return new TreeSet<>(epochs.keySet());
    }

    /** Every node of every held document (a node listed in several appears once per document). */
    public Collection<Peer> peers() {
        return epochs.values().stream()
                .flatMap(v -> v.peers().values().stream())
                .toList();
    }

    /** The held documents (in no order). */
    public List<EpochDocument> documents() {
        return epochs.values().stream().map(EpochView::document).toList();
    }
}
