package nym.client.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.directory.api.Topology;
import nym.sphinx.NodePublicKey;

/**
 * The parts of a verified directory topology a client routes over: mix nodes by layer (layer 1 first) and gateways.
 * Entries whose keys do not decode are left out and counted, so one broken announcement cannot stop all routing.
 */
public record MixTopology(List<List<MixNode>> layers, List<GatewayNode> gateways, long generatedAt, int skipped) {

    /** Layers the network has (the stratified topology of DESIGN.md). */
    public static final int LAYERS = 3;

    public MixTopology {
        layers = layers.stream().map(List::copyOf).toList();
        gateways = List.copyOf(gateways);
    }

    public static MixTopology from(Topology topology) {
        int skipped = 0;
        List<List<MixNode>> layers = new ArrayList<>();
        for (int layer = 1; layer <= LAYERS; layer++) {
            layers.add(new ArrayList<>());
        }
        for (Topology.Layer layer : nullSafe(topology.mixnodes())) {
            for (Topology.Mixnode node : nullSafe(layer.nodes())) {
                Optional<NodePublicKey> key = sphinxKey(node.sphinxKey());
                if (key.isEmpty() || node.layer() < 1 || node.layer() > LAYERS || node.identityKey() == null) {
                    skipped++;
                    continue;
                }
                layers.get(node.layer() - 1).add(new MixNode(node.identityKey(), key.get(), node.layer(), node.host()));
            }
        }
        List<GatewayNode> gateways = new ArrayList<>();
        for (Topology.Gateway gateway : nullSafe(topology.gateways())) {
            Optional<NodePublicKey> key = sphinxKey(gateway.sphinxKey());
            if (key.isEmpty() || gateway.identityKey() == null || gateway.clientListener() == null) {
                skipped++;
                continue;
            }
            gateways.add(new GatewayNode(
                    gateway.identityKey(), key.get(), gateway.clientListener(), gateway.mixnetListener()));
        }
        return new MixTopology(layers, gateways, topology.generatedAt(), skipped);
    }

    public Optional<GatewayNode> gateway(String identityKey) {
        return gateways.stream()
                .filter(g -> g.identityKey().equals(identityKey))
                .findFirst();
    }

    /** True when every layer has at least one node and there is a gateway: routes can be built. */
    public boolean canRoute() {
        return layers.stream().noneMatch(List::isEmpty) && !gateways.isEmpty();
    }

    private static Optional<NodePublicKey> sphinxKey(String text) {
        try {
            return Optional.of(NodePublicKey.of(Keys.decode(text, Keys.PUBLIC_KEY_BYTES, "sphinx key")));
        } catch (DirectoryException e) {
            return Optional.empty();
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
