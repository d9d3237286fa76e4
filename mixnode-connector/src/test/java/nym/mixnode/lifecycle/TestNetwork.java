package nym.mixnode.lifecycle;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nym.directory.api.DirectoryClient;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Keys;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.testing.InProcessDirectory;
import nym.sphinx.NodePublicKey;
import nym.sphinx.RouteHop;

/** Real nodes in this JVM on free ports, around an {@link InProcessDirectory}: one mix node per layer + gateways. */
final class TestNetwork implements AutoCloseable {

    final InProcessDirectory directory;
    final List<MixNode> mixes = new ArrayList<>();
    final List<MixNode> gateways = new ArrayList<>();
    private final Path dir;

    TestNetwork(Path dir) throws Exception {
        this.dir = dir;
        this.directory = InProcessDirectory.start(Duration.ofSeconds(10), 3);
    }

    MixNodeConfig.Builder config(NodeMode mode, int layer, String name) {
        return MixNodeConfig.builder(mode, NodeKeys.generate(new SecureRandom()), directory.uri(), dir.resolve(name))
                .directoryKey(directory.directoryKey())
                .layer(layer)
                .mixnetPort(0)
                .clientPort(0)
                .ioThreads(1)
                .cryptoWorkers(1)
                .replayCacheCapacity(10_000)
                .presenceInterval(Duration.ofMillis(500))
                .topologyRefresh(Duration.ofMillis(500))
                .metricsInterval(Duration.ofMillis(200))
                .drainDeadline(Duration.ofSeconds(2));
    }

    TestNetwork startMixes() throws Exception {
        for (int layer = 1; layer <= 3; layer++) {
            mixes.add(MixNode.start(config(NodeMode.MIX, layer, "mix-" + layer).build()));
        }
        return this;
    }

    MixNode startGateway(MixNodeConfig config) throws Exception {
        MixNode gateway = MixNode.start(config);
        gateways.add(gateway);
        return gateway;
    }

    /** Every node reads the topology now, after all have announced themselves. */
    void refreshAll() {
        mixes.forEach(MixNode::refreshTopology);
        gateways.forEach(MixNode::refreshTopology);
    }

    /**
     * Announces a gateway with fresh keys (it listens nowhere: it only sends) and lets {@code layer1} see it, then
     * opens a mix link to {@code layer1} as that gateway.
     */
    MixLinkTestSender gatewaySenderTo(MixNode layer1) throws InterruptedException {
        NodeKeys keys = NodeKeys.generate(new SecureRandom());
        new DirectoryClient(directory.uri(), keys.identity())
                .postGateway(new GatewayPresence(
                        "127.0.0.1:9",
                        "127.0.0.1:9",
                        keys.identityKeyText(),
                        keys.sphinxKeyText(),
                        MixNodeConfig.VERSION,
                        "test"));
        layer1.refreshTopology();
        return new MixLinkTestSender(layer1, keys);
    }

    static RouteHop hop(MixNode node, long delayNanos) {
        return new RouteHop(
                NodePublicKey.of(node.config().keys().sphinx().publicKey().toBytes()), delayNanos);
    }

    /** The route layer 1, 2, 3, then {@code gateway}, with {@code delayNanos} at every hop. */
    List<RouteHop> route(MixNode gateway, long delayNanos) {
        List<RouteHop> route = new ArrayList<>();
        mixes.forEach(m -> route.add(hop(m, delayNanos)));
        route.add(hop(gateway, 0));
        return route;
    }

    static String identityOf(MixNode node) {
        return Keys.encode(node.config().keys().identity().publicKey());
    }

    @Override
    public void close() throws Exception {
        for (MixNode n : gateways) {
            n.close();
        }
        for (MixNode n : mixes) {
            n.close();
        }
        directory.close();
    }
}
