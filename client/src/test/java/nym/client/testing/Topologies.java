package nym.client.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.directory.api.Topology;
import nym.sphinx.NodeKeyPair;

/** Directory topologies with fresh random keys, for unit tests. */
public final class Topologies {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Topologies() {}

    /** {@code perLayer} mix nodes in each of 3 layers and {@code gateways} gateways. */
    public static Topology of(int perLayer, int gateways) {
        List<Topology.Layer> layers = new ArrayList<>();
        for (int layer = 1; layer <= 3; layer++) {
            List<Topology.Mixnode> nodes = new ArrayList<>();
            for (int i = 0; i < perLayer; i++) {
                nodes.add(new Topology.Mixnode(
                        "127.0.0.1:" + (10000 + layer * 100 + i), identity(), sphinxKey(), layer, "0.1.0", "here", 1L));
            }
            layers.add(new Topology.Layer(layer, nodes));
        }
        List<Topology.Gateway> gws = new ArrayList<>();
        for (int i = 0; i < gateways; i++) {
            gws.add(new Topology.Gateway(
                    "127.0.0.1:" + (20000 + i),
                    "127.0.0.1:" + (21000 + i),
                    identity(),
                    sphinxKey(),
                    "0.1.0",
                    "here",
                    1L));
        }
        return new Topology(1_700_000_000_000L, 10_000, layers, gws, List.of());
    }

    public static String identity() {
        return Ed25519Identity.generate(RANDOM).publicKeyText();
    }

    public static String sphinxKey() {
        return Keys.encode(NodeKeyPair.generate(RANDOM).publicKey().toBytes());
    }
}
