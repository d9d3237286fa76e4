package nym.mixnode.pki;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.directory.api.Topology;
import nym.link.LinkKeys;
import nym.sphinx.NodeAddress;

/**
 * The node's current view of the network: the last signed topology, indexed by Sphinx address, and the link keys of
 * each layer (who may open a mix link to whom). Readers on any thread
 * see one consistent snapshot (a volatile map swapped whole); nodes the view does not hold are not next hops.
 */
public final class TopologyView {

    private static final Logger LOG = Logger.getLogger(TopologyView.class.getName());

    private volatile Map<NodeAddress, Peer> peers = Map.of();
    /** Link keys by layer (gateways at {@link #gatewayLayer()}), swapped with {@link #peers}. */
    private volatile Map<Integer, Set<ByteBuffer>> linkKeys = Map.of();

    private volatile int layers;

    /** Replaces the view with {@code topology}; entries with malformed keys or hosts are skipped (logged). */
    public void update(Topology topology) {
        Map<NodeAddress, Peer> next = new HashMap<>();
        int layerCount = topology.mixnodes() == null ? 0 : topology.mixnodes().size();
        if (topology.mixnodes() != null) {
            for (Topology.Layer layer : topology.mixnodes()) {
                for (Topology.Mixnode m : layer.nodes()) {
                    add(next, m.sphinxKey(), m.host(), layer.layer(), m.identityKey());
                }
            }
        }
        if (topology.gateways() != null) {
            for (Topology.Gateway g : topology.gateways()) {
                add(next, g.sphinxKey(), g.mixnetListener(), layerCount + 1, g.identityKey());
            }
        }
        Map<Integer, Set<ByteBuffer>> keys = new HashMap<>();
        next.values()
                .forEach(p ->
                        keys.computeIfAbsent(p.layer(), l -> new HashSet<>()).add(ByteBuffer.wrap(p.linkKey())));
        layers = layerCount;
        linkKeys = Map.copyOf(keys);
        peers = Map.copyOf(next);
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
            LOG.log(Level.WARNING, "topology entry of " + id + " skipped: " + e.getMessage());
        }
    }

    /** The peer at {@code address} if it is in {@code layer} (gateways: {@link #gatewayLayer()}), else null. */
    public Peer peerInLayer(NodeAddress address, int layer) {
        Peer peer = peers.get(address);
        return peer != null && peer.layer() == layer ? peer : null;
    }

    /** True if {@code linkKey} is the link key of a node of {@code layer} (gateways: {@link #gatewayLayer()}). */
    public boolean isLinkKeyInLayer(byte[] linkKey, int layer) {
        return linkKeys.getOrDefault(layer, Set.of()).contains(ByteBuffer.wrap(linkKey));
    }

    /** Number of mix layers in the current topology. */
    public int layers() {
        return layers;
    }

    /** The layer number gateways have in this view: one after the last mix layer. */
    public int gatewayLayer() {
        return layers + 1;
    }

    /** Every node of the view (mix nodes and gateways). */
    public Collection<Peer> peers() {
        return peers.values();
    }

    /** How many nodes the view holds (mix nodes and gateways). */
    public int size() {
        return peers.size();
    }
}
