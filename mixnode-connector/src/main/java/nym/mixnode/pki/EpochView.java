package nym.mixnode.pki;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.link.LinkKeys;
import nym.sphinx.NodeAddress;

/**
 * One verified epoch document, indexed for the packet path: its nodes by the Sphinx address of their key for that
 * epoch (addresses are derived from Sphinx keys, so each epoch has its own), the link keys at each position, and this
 * node's own position in it. Positions are the layers 1..n of the mix nodes and n + 1 for the gateways; a node the
 * document does not list has position {@link #ABSENT}. Immutable.
 */
final class EpochView {

    static final int ABSENT = 0;

    private static final Logger LOG = Logger.getLogger(EpochView.class.getName());

    private final EpochDocument document;
    private final Map<NodeAddress, Peer> peers;
    private final Map<Integer, Set<ByteBuffer>> linkKeys;
    private final int ownPosition;

    private EpochView(EpochDocument document, Map<NodeAddress, Peer> peers, int ownPosition) {
        this.document = document;
        this.peers = Map.copyOf(peers);
        Map<Integer, Set<ByteBuffer>> keys = new HashMap<>();
        peers.values()
                .forEach(p ->
                        keys.computeIfAbsent(p.layer(), l -> new HashSet<>()).add(ByteBuffer.wrap(p.linkKey())));
        this.linkKeys = Map.copyOf(keys);
        this.ownPosition = ownPosition;
    }

    /** Indexes {@code document}; entries with malformed keys or hosts are skipped (logged). */
    static EpochView of(EpochDocument document, String ownIdentityKey) {
        Map<NodeAddress, Peer> peers = new HashMap<>();
        int own = ABSENT;
        int gateways = document.mixnodes().size() + 1;
        for (EpochDocument.Layer layer : document.mixnodes()) {
            for (EpochDocument.Mixnode m : layer.nodes()) {
                add(peers, m.sphinxKey(), m.host(), layer.layer(), m.identityKey());
                own = m.identityKey().equals(ownIdentityKey) ? layer.layer() : own;
            }
        }
        for (EpochDocument.Gateway g : document.gateways()) {
            add(peers, g.sphinxKey(), g.mixnetListener(), gateways, g.identityKey());
            own = g.identityKey().equals(ownIdentityKey) ? gateways : own;
        }
        return new EpochView(document, peers, own);
    }

    private static void add(Map<NodeAddress, Peer> into, String sphinxKey, String hostPort, int layer, String id) {
        try {
            if (hostPort == null || hostPort.lastIndexOf(':') <= 0) {
                throw new IllegalArgumentException("bad host:port " + hostPort);
            }
            byte[] key = Keys.decode(sphinxKey, Keys.PUBLIC_KEY_BYTES, "sphinxKey");
            byte[] linkKey = LinkKeys.x25519PublicKey(Keys.decode(id, Keys.PUBLIC_KEY_BYTES, "identityKey"));
            Peer peer = new Peer(NodeAddress.derive(key), hostPort, layer, id, linkKey);
            peer.port();
            into.put(peer.address(), peer);
        } catch (DirectoryException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "epoch document entry of " + id + " skipped: " + e.getMessage());
        }
    }

    EpochDocument document() {
        return document;
    }

    int gatewayPosition() {
        return document.mixnodes().size() + 1;
    }

    int ownPosition() {
        return ownPosition;
    }

    /** The node at {@code address} if it is at {@code position}, else null. */
    Peer peerAt(NodeAddress address, int position) {
        Peer peer = peers.get(address);
        return peer != null && peer.layer() == position ? peer : null;
    }

    /**
     * Who may open a mix link to this node under this document: the position before its own (gateways before layer
     * 1, the last layer before the gateways); nobody when this node is not listed.
     */
    boolean isPreviousPosition(byte[] linkKey) {
        if (ownPosition == ABSENT) {
            return false;
        }
        int previous = ownPosition == 1 ? gatewayPosition() : ownPosition - 1;
        return linkKeys.getOrDefault(previous, Set.of()).contains(ByteBuffer.wrap(linkKey));
    }

    Map<NodeAddress, Peer> peers() {
        return peers;
    }
}
