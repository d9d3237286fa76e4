package nym.client.network;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nym.directory.api.EpochDocument;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.lifecycle.MixNode;
import nym.mixnode.testing.InProcessDirectory;

/**
 * Real mix nodes and gateways (mixnode-connector) in this JVM on free loopback ports, around an in-process directory
 * and its topology authorities: {@code 3 × perLayer} mix nodes (the authorities deal them to the 3 layers) and
 * {@code gatewayCount} gateways, with fast presence and document refresh. The test moves the epochs: the network
 * starts in an epoch whose document lists every node ({@link #nextEpochWithEveryNode}).
 */
public final class InProcessMixnet implements AutoCloseable {

    /** A node that stops announcing itself leaves the topology this long after its last heartbeat. */
    public static final Duration EXPIRY = Duration.ofSeconds(2);

    public final InProcessDirectory directory;
    /** The mix nodes in start order; their layers are the authorities' choice, per epoch. */
    public final List<MixNode> mixnodes = new ArrayList<>();

    public final List<MixNode> gateways = new ArrayList<>();

    /** @param mixing what the authorities sign into every epoch document: the clients' rates and hop delay */
    public InProcessMixnet(Path dataDir, int perLayer, int gatewayCount, EpochDocument.Mixing mixing) throws Exception {
        directory = InProcessDirectory.start(EXPIRY, 3);
        try {
            directory.mixing(mixing);
            for (int i = 0; i < 3 * perLayer; i++) {
                mixnodes.add(MixNode.start(config(NodeMode.MIX, dataDir.resolve("mix-" + i))));
            }
            for (int i = 0; i < gatewayCount; i++) {
                gateways.add(MixNode.start(config(NodeMode.GATEWAY, dataDir.resolve("gateway-" + i))));
            }
            nextEpochWithEveryNode();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * A new epoch, starting now, whose document lists every node live now (each announced itself at start), read by
     * every node at once instead of at its next refresh.
     */
    public void nextEpochWithEveryNode() {
        directory.advanceEpoch();
        all().forEach(MixNode::refreshTopology);
    }

    private MixNodeConfig config(NodeMode mode, Path dataDir) {
        return MixNodeConfig.builder(mode, NodeKeys.generate(new SecureRandom()), directory.uri(), dataDir)
                .authorities(directory.authoritySet())
                .mixnetPort(0)
                .clientPort(0)
                .ioThreads(1)
                .cryptoWorkers(1)
                // the table is allocated up front (32 MB at the default); a test run sends a few thousand packets
                .presenceInterval(Duration.ofMillis(500))
                .topologyRefresh(Duration.ofMillis(500))
                .metricsInterval(Duration.ofSeconds(1))
                .drainDeadline(Duration.ofMillis(500))
                // the test clients' loops return at 20/s; the fixed-rate downlink must carry more than arrives
                .gateway(g -> g.withDownlinkCellsPerSecond(100))
                .build();
    }

    public List<MixNode> all() {
        List<MixNode> all = new ArrayList<>(mixnodes);
        all.addAll(gateways);
        return all;
    }

    public static String identity(MixNode node) {
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
