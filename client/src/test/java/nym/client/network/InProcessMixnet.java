package nym.client.network;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.lifecycle.MixNode;
import nym.mixnode.testing.InProcessDirectory;

/**
 * Real mix nodes and gateways (mixnode-connector) in this JVM on free loopback ports, around an in-process directory:
 * {@code perLayer} mix nodes in each of 3 layers and {@code gatewayCount} gateways, with fast presence and topology
 * refresh so that a stopped node leaves everyone's topology within a few seconds.
 */
final class InProcessMixnet implements AutoCloseable {

    /** A node that stops announcing itself leaves the topology this long after its last heartbeat. */
    static final Duration EXPIRY = Duration.ofSeconds(2);

    final InProcessDirectory directory;
    final List<List<MixNode>> layers = new ArrayList<>();
    final List<MixNode> gateways = new ArrayList<>();

    InProcessMixnet(Path dataDir, int perLayer, int gatewayCount) throws Exception {
        directory = InProcessDirectory.start(EXPIRY, 3);
        try {
            for (int layer = 1; layer <= 3; layer++) {
                List<MixNode> nodes = new ArrayList<>();
                for (int i = 0; i < perLayer; i++) {
                    nodes.add(MixNode.start(config(NodeMode.MIX, layer, dataDir.resolve("mix-" + layer + "-" + i))));
                }
                layers.add(nodes);
            }
            for (int i = 0; i < gatewayCount; i++) {
                gateways.add(MixNode.start(config(NodeMode.GATEWAY, 1, dataDir.resolve("gateway-" + i))));
            }
            // every node has announced itself at start; read the complete topology now instead of at the next refresh
            all().forEach(MixNode::refreshTopology);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private MixNodeConfig config(NodeMode mode, int layer, Path dataDir) {
        return MixNodeConfig.builder(mode, NodeKeys.generate(new SecureRandom()), directory.uri(), dataDir)
                .directoryKey(directory.directoryKey())
                .layer(layer)
                .mixnetPort(0)
                .clientPort(0)
                .ioThreads(1)
                .cryptoWorkers(1)
                // the table is allocated up front (32 MB at the default); a test run sends a few thousand packets
                .replayCacheCapacity(50_000)
                .presenceInterval(Duration.ofMillis(500))
                .topologyRefresh(Duration.ofMillis(500))
                .metricsInterval(Duration.ofSeconds(1))
                .drainDeadline(Duration.ofMillis(500))
                // the test clients' loops return at 20/s; the fixed-rate downlink must carry more than arrives
                .gateway(g -> g.withDownlinkCellsPerSecond(100))
                .build();
    }

    List<MixNode> all() {
        List<MixNode> all = new ArrayList<>();
        layers.forEach(all::addAll);
        all.addAll(gateways);
        return all;
    }

    static String identity(MixNode node) {
        return node.config().keys().identityKeyText();
    }

    @Override
    public void close() throws Exception {
        for (MixNode node : all()) {
            node.close();
        }
        directory.close();
    }
}
