package nym.mixnode.pki;

import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.directory.api.GatewayPresence;
import nym.directory.api.MixnodePresence;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.metrics.PublishedMetrics;

/**
 * Everything the node says to and reads from the directory: signed presence, the signed topology (into the
 * {@link TopologyView}) and signed metrics reports. Each call is one attempt; failures are logged and the next
 * scheduled run tries again (the node keeps forwarding on its last topology).
 */
public final class DirectoryLink {

    private static final Logger LOG = Logger.getLogger(DirectoryLink.class.getName());

    private final MixNodeConfig config;
    private final DirectoryClient client;
    private final TopologyView view;
    private volatile byte[] directoryKey;
    /** What the directory has been told; all zero at start, so packets before the first report are reported too. */
    private NodeMetrics.Snapshot lastReported = new NodeMetrics().snapshot();

    private long lastReportedAt = System.currentTimeMillis();

    public DirectoryLink(MixNodeConfig config, TopologyView view) {
        this.config = config;
        this.client = new DirectoryClient(config.directory(), config.keys().identity());
        this.view = view;
        this.directoryKey = config.directoryKey();
    }

    /** Reads the topology once; true if the view was updated. */
    public boolean refreshTopology() {
        try {
            if (directoryKey == null) {
                directoryKey = client.directoryKey();
                LOG.info("trusting the directory key the directory published (pin it in config.toml)");
            }
            view.update(client.topology(directoryKey));
            return true;
        } catch (DirectoryException e) {
            LOG.log(Level.WARNING, "topology not refreshed: " + e.getMessage());
            return false;
        }
    }

    /**
     * Posts this node's signed presence, announcing the bound addresses. A gateway names none of its clients: a
     * client's address already names its gateway, and the topology is public (issue 17).
     */
    public void announce(String mixnetHostPort, String clientHostPort) {
        try {
            if (config.mode() == NodeMode.MIX) {
                client.postMixnode(new MixnodePresence(
                        mixnetHostPort,
                        config.keys().identityKeyText(),
                        config.keys().sphinxKeyText(),
                        config.layer(),
                        MixNodeConfig.VERSION,
                        config.location()));
            } else {
                client.postGateway(new GatewayPresence(
                        clientHostPort,
                        mixnetHostPort,
                        config.keys().identityKeyText(),
                        config.keys().sphinxKeyText(),
                        MixNodeConfig.VERSION,
                        config.location()));
            }
        } catch (DirectoryException e) {
            LOG.log(Level.WARNING, "presence not accepted: " + e.getMessage());
        }
    }

    /**
     * Posts the aggregates of the window since the last accepted report ({@link PublishedMetrics}; mix nodes only:
     * the directory takes metrics from mix nodes). Called from one thread, once per metrics window.
     */
    public void reportMetrics(NodeMetrics metrics, long nowMillis) {
        NodeMetrics.Snapshot now = metrics.snapshot();
        try {
            client.postMetrics(PublishedMetrics.of(
                    config.keys().identityKeyText(), now.minus(lastReported), nowMillis - lastReportedAt));
            lastReported = now;
            lastReportedAt = nowMillis;
        } catch (DirectoryException e) {
            LOG.log(Level.FINE, "metrics not accepted (kept for the next report): " + e.getMessage());
        }
    }
}
