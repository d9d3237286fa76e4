package nym.client.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.sphinx.NodePublicKey;

/**
 * The parts of a verified epoch document a client routes over: mix nodes by layer (layer 1 first) under their Sphinx
 * keys of this epoch with their performance, gateways, and the mixing parameters. Entries whose keys do not decode,
 * whose layer is not the layer they are listed under, or whose performance is not per mille, are left out and
 * counted, so one broken entry cannot stop all routing.
 *
 * @param epoch the document's epoch
 * @param startMillis when the epoch starts (ms since the Unix epoch)
 * @param validUntilMillis when the document must no longer be used (its end plus the nodes' key grace)
 * @param mixing what the client sends and how long each hop holds a packet
 */
public record MixTopology(
        long epoch,
        long startMillis,
        long validUntilMillis,
        Mixing mixing,
        List<List<MixNode>> layers,
        List<GatewayNode> gateways,
        int skipped) {

    public MixTopology {
        layers = layers.stream().map(List::copyOf).toList();
        gateways = List.copyOf(gateways);
    }

    /** The document's network as routes use it: its layers in order, each node under its {@code sphinxKey}. */
    public static MixTopology from(EpochDocument document) {
        int skipped = 0;
        List<List<MixNode>> layers = new ArrayList<>();
        for (EpochDocument.Layer layer : nullSafe(document.mixnodes())) {
            List<MixNode> nodes = new ArrayList<>();
            for (EpochDocument.Mixnode node : nullSafe(layer.nodes())) {
                Optional<NodePublicKey> key = sphinxKey(node.sphinxKey());
                if (key.isEmpty()
                        || node.layer() != layers.size() + 1
                        || node.identityKey() == null
                        || !isPerformance(node.performance())) {
                    skipped++;
                    continue;
                }
                nodes.add(new MixNode(node.identityKey(), key.get(), node.layer(), node.host(), node.performance()));
            }
            layers.add(nodes);
        }
        List<GatewayNode> gateways = new ArrayList<>();
        for (EpochDocument.Gateway gateway : nullSafe(document.gateways())) {
            Optional<NodePublicKey> key = sphinxKey(gateway.sphinxKey());
            if (key.isEmpty() || gateway.identityKey() == null || gateway.clientListener() == null) {
                skipped++;
                continue;
            }
            gateways.add(new GatewayNode(
                    gateway.identityKey(), key.get(), gateway.clientListener(), gateway.mixnetListener()));
        }
        return new MixTopology(
                document.epoch(),
                document.startMillis(),
                document.validUntilMillis(),
                Mixing.of(document.mixing()),
                layers,
                gateways,
                skipped);
    }

    /** This topology with other mixing parameters (a client's configured override). */
    public MixTopology withMixing(Mixing other) {
        return new MixTopology(epoch, startMillis, validUntilMillis, other, layers, gateways, skipped);
    }

    public Optional<GatewayNode> gateway(String identityKey) {
        return gateways.stream()
                .filter(g -> g.identityKey().equals(identityKey))
                .findFirst();
    }

    /** True when there is a layer, every layer has at least one node and there is a gateway: routes can be built. */
    public boolean canRoute() {
        return !layers.isEmpty() && layers.stream().noneMatch(List::isEmpty) && !gateways.isEmpty();
    }

    /** No score, or a score per mille. */
    private static boolean isPerformance(Integer performance) {
        return performance == null || (performance >= 0 && performance <= MixNode.FULL_PERFORMANCE);
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
