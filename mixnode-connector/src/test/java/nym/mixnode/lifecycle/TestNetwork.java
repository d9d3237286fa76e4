package nym.mixnode.lifecycle;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.DirectoryClient;
import nym.directory.api.EpochDocument;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Keys;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.testing.InProcessDirectory;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.NodePublicKey;
import nym.sphinx.RouteHop;

/**
 * Real nodes in this JVM on free ports, around an {@link InProcessDirectory} whose epochs the test moves
 * ({@link #nextEpoch}): three mix nodes (the authorities deal them one per layer, a new deal each epoch) and
 * gateways. A sending gateway that listens nowhere ({@link #senderTo}) is announced in every epoch, so that a test can
 * open a mix link to a layer-1 node as a gateway.
 */
final class TestNetwork implements AutoCloseable {

    final InProcessDirectory directory;
    final List<MixNode> mixes = new ArrayList<>();
    final List<MixNode> gateways = new ArrayList<>();
    final NodeKeys sender = NodeKeys.generate(new SecureRandom());
    private final Map<Long, NodeKeyPair> senderSphinxKeys = new HashMap<>();
    private final Path dir;

    TestNetwork(Path dir) throws Exception {
        this.dir = dir;
        this.directory = InProcessDirectory.start(Duration.ofSeconds(10), 3);
    }

    MixNodeConfig.Builder config(NodeMode mode, String name) {
        return MixNodeConfig.builder(mode, NodeKeys.generate(new SecureRandom()), directory.uri(), dir.resolve(name))
                .authorities(directory.authoritySet())
                .mixnetPort(0)
                .clientPort(0)
                .ioThreads(1)
                .cryptoWorkers(1)
                .presenceInterval(Duration.ofMillis(500))
                .topologyRefresh(Duration.ofMillis(500))
                .metricsInterval(Duration.ofMillis(200))
                .drainDeadline(Duration.ofSeconds(2));
    }

    /** Starts three mix nodes; they hold epoch 1's document (which lists nobody yet) and announce themselves. */
    TestNetwork startMixes() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mixes.add(MixNode.start(config(NodeMode.MIX, "mix-" + i).build()));
        }
        return this;
    }

    MixNode startGateway(MixNodeConfig config) throws Exception {
        MixNode gateway = MixNode.start(config);
        gateways.add(gateway);
        return gateway;
    }

    /**
     * Moves the network to its next epoch: the sending gateway announces itself, the authorities build and sign the
     * document from every node's announced keys, and every node reads it (and announces its keys for the epochs after
     * it). Returns the new document.
     */
    EpochDocument nextEpoch() {
        announceSender(directory.currentDocument().epoch());
        EpochDocument document = directory.advanceEpoch();
        refreshAll();
        return document;
    }

    /** Every node reads the epoch documents now. */
    void refreshAll() {
        Stream.concat(mixes.stream(), gateways.stream()).forEach(MixNode::refreshTopology);
    }

    /** The mix node the current document puts in {@code layer}. */
    MixNode inLayer(int layer) {
        String id = directory
                .currentDocument()
                .mixnodes()
                .get(layer - 1)
                .nodes()
                .get(0)
                .identityKey();
        return mixes.stream().filter(m -> identityOf(m).equals(id)).findFirst().orElseThrow();
    }

    /** Moves to new epochs until the deal puts {@code node} in {@code layer} (a third of the epochs with three nodes). */
    MixNode epochPutting(MixNode node, int layer) {
        for (int i = 0; i < 50; i++) {
            EpochDocument document = nextEpoch();
            if (node.topology().layerIn(document.epoch()).orElse(0) == layer) {
                return node;
            }
        }
        throw new IllegalStateException("50 deals never put the node in layer " + layer);
    }

    /** A mix link to {@code node} as the sending gateway (listed in every document since the first {@link #nextEpoch}). */
    MixLinkTestSender senderTo(MixNode node) throws InterruptedException {
        return new MixLinkTestSender(node, sender);
    }

    private void announceSender(long epoch) {
        List<AnnouncedKey> keys = new ArrayList<>();
        for (long e = epoch; e <= epoch + 2; e++) {
            NodeKeyPair pair = senderSphinxKeys.computeIfAbsent(e, x -> NodeKeyPair.generate(new SecureRandom()));
            keys.add(directory.provenKey(sender.identityKeyText(), e, pair));
        }
        new DirectoryClient(directory.uri(), sender.identity())
                .postGateway(new GatewayPresence(
                        "127.0.0.1:9", "127.0.0.1:9", sender.identityKeyText(), keys, MixNodeConfig.VERSION, "test"));
    }

    /** {@code node} as a hop of a route built from the current document. */
    RouteHop hop(MixNode node, long delayNanos) {
        return hop(directory.currentDocument(), node, delayNanos);
    }

    /** {@code node} as a hop of a route built from {@code document}: its Sphinx key of that epoch. */
    static RouteHop hop(EpochDocument document, MixNode node, long delayNanos) {
        String id = identityOf(node);
        String key = Stream.concat(
                        document.mixnodes().stream()
                                .flatMap(l -> l.nodes().stream())
                                .filter(m -> m.identityKey().equals(id))
                                .map(EpochDocument.Mixnode::sphinxKey),
                        document.gateways().stream()
                                .filter(g -> g.identityKey().equals(id))
                                .map(EpochDocument.Gateway::sphinxKey))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("not in epoch " + document.epoch()));
        return new RouteHop(NodePublicKey.of(Keys.decode(key, Keys.PUBLIC_KEY_BYTES, "sphinx key")), delayNanos);
    }

    /** The route layer 1, 2, 3, then {@code gateway}, of the current document, with {@code delayNanos} at every hop. */
    List<RouteHop> route(MixNode gateway, long delayNanos) {
        List<RouteHop> route = new ArrayList<>();
        for (int layer = 1; layer <= 3; layer++) {
            route.add(hop(inLayer(layer), delayNanos));
        }
        route.add(hop(gateway, 0));
        return route;
    }

    static String identityOf(MixNode node) {
        return node.config().keys().identityKeyText();
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
