package nym.mixnode.pki;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.directory.api.Topology;
import nym.sphinx.NodeAddress;

/**
 * The node's current view of the network: the last signed topology, indexed by Sphinx address. Readers on any thread
 * see one consistent snapshot (a volatile map swapped whole); nodes the view does not hold are not next hops.
 */
public final class TopologyView {

    private static final Logger LOG = Logger.getLogger(TopologyView.class.getName());

    private volatile Map<NodeAddress, Peer> peers = Map.of();
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
        layers = layerCount;
        peers = Map.copyOf(next);
    }

    private static void add(Map<NodeAddress, Peer> into, String sphinxKey, String hostPort, int layer, String id) {
        try {
            if (hostPort == null || hostPort.lastIndexOf(':') <= 0) {
                throw new IllegalArgumentException("bad host:port " + hostPort);
            }
            byte[] key = Keys.decode(sphinxKey, Keys.PUBLIC_KEY_BYTES, "sphinxKey");
            Peer peer = new Peer(NodeAddress.derive(key), hostPort, layer, id);
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

    /** Number of mix layers in the current topology. */
    public int layers() {
        return layers;
    }

    /** The layer number gateways have in this view: one after the last mix layer. */
    public int gatewayLayer() {
        return layers + 1;
    }

    /** Where the nodes of the view listen ({@code host:port}). */
    public Set<String> hostPorts() {
        return peers.values().stream().map(Peer::hostPort).collect(Collectors.toUnmodifiableSet());
    }

    /** How many nodes the view holds (mix nodes and gateways). */
    public int size() {
        return peers.size();
    }
}
