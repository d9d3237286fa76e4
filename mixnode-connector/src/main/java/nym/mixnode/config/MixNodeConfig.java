package nym.mixnode.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import nym.directory.api.AuthoritySet;
import nym.link.HandshakeGate;
import nym.link.LinkSettings;
import nym.mixnode.bandwidth.BandwidthSettings;
import nym.mixnode.gateway.GatewaySettings;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.replay.ReplayFilterSettings;
import nym.sphinx.SphinxParams;

/**
 * Everything a node needs to start, in process or from {@code config.toml} ({@link TomlConfig}). Build with
 * {@link #builder}; every setting has the default documented in the module README's configuration table. Ports may
 * be 0 (a free port; the running node reports the bound address and announces it).
 */
public record MixNodeConfig(
        NodeMode mode,
        NodeKeys keys,
        URI directory,
        AuthoritySet authorities,
        Path dataDir,
        Path keysDir,
        String listenHost,
        int mixnetPort,
        String announceHost,
        int clientPort,
        int metricsPort,
        String metricsHost,
        String location,
        SphinxParams sphinx,
        int ioThreads,
        int cryptoWorkers,
        int cryptoQueueCapacity,
        int schedulerCapacity,
        int outgoingPendingPerHop,
        ReplayFilterSettings replayFilter,
        int inboxCapacity,
        Duration maxDelay,
        Duration presenceInterval,
        Duration metricsInterval,
        Duration topologyRefresh,
        Duration drainDeadline,
        Duration reconnectMin,
        Duration reconnectMax,
        GatewaySettings gateway,
        Duration handshakeTimeout,
        long rekeyCells,
        int concurrentHandshakes,
        BandwidthSettings bandwidth,
        double dropProbability) {

    public static final String VERSION = "0.1.0";

    /** The Noise prologue's link kind of node-to-node and gateway-to-node links. */
    public static final String MIX_LINK_KIND = "mix";

    /** {@link #metricsPort} that serves no local metrics endpoint (the default). */
    public static final int METRICS_OFF = -1;

    public MixNodeConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(authorities, "authorities (the pinned topology authorities)");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(keysDir, "keysDir");
        Objects.requireNonNull(replayFilter, "replayFilter");
        Objects.requireNonNull(metricsHost, "metricsHost");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(bandwidth, "bandwidth");
        if (bandwidth.metered() && mode != NodeMode.GATEWAY) {
            throw new IllegalArgumentException("only gateways take credentials (bandwidth.ledger_nodes)");
        }
        for (int n : new int[] {
            ioThreads,
            cryptoWorkers,
            cryptoQueueCapacity,
            schedulerCapacity,
            outgoingPendingPerHop,
            inboxCapacity,
            concurrentHandshakes
        }) {
            if (n < 1) {
                throw new IllegalArgumentException("thread counts and capacities must be at least 1");
            }
        }
        if (mixnetPort < 0 || mixnetPort > 65535 || clientPort < 0 || clientPort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535");
        }
        if (metricsPort < METRICS_OFF || metricsPort > 65535) {
            throw new IllegalArgumentException("the metrics port must be -1 (off) or 0..65535");
        }
        for (Duration d : new Duration[] {
            maxDelay,
            presenceInterval,
            metricsInterval,
            topologyRefresh,
            drainDeadline,
            reconnectMin,
            reconnectMax,
            handshakeTimeout
        }) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("durations must be given and not negative");
            }
        }
        if (presenceInterval.isZero()
                || metricsInterval.isZero()
                || topologyRefresh.isZero()
                || reconnectMin.isZero()
                || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "intervals, the reconnect backoff and the handshake timeout must be positive");
        }
        if (rekeyCells < 1) {
            throw new IllegalArgumentException("links rekey after at least one cell");
        }
        if (!(dropProbability >= 0.0 && dropProbability < 1.0)) {
            throw new IllegalArgumentException(
                    "testing.drop_probability must be at least 0 and below 1, not " + dropProbability);
        }
        if (dropProbability > 0.0 && mode != NodeMode.MIX) {
            throw new IllegalArgumentException("testing.drop_probability is for mix nodes (mode mix) only");
        }
    }

    /**
     * The mix links' settings (link kind {@value #MIX_LINK_KIND}): one Sphinx packet per cell both ways, this node's
     * handshake timeout and rekey interval. The same for both ends of a link.
     */
    public LinkSettings mixLinkSettings() {
        return LinkSettings.of(MIX_LINK_KIND, sphinx.packetSize(), sphinx.packetSize())
                .withHandshakeTimeout(handshakeTimeout)
                .withRekeyInterval(rekeyCells);
    }

    public static Builder builder(NodeMode mode, NodeKeys keys, URI directory, Path dataDir) {
        return new Builder(mode, keys, directory, dataDir);
    }

    /** Fluent construction with the documented defaults. */
    public static final class Builder {
        private final NodeMode mode;
        private final NodeKeys keys;
        private final URI directory;
        private final Path dataDir;
        private AuthoritySet authorities;
        private Path keysDir;
        private String listenHost = "127.0.0.1";
        private int mixnetPort = 1789;
        private String announceHost;
        private int clientPort = 9000;
        private int metricsPort = METRICS_OFF;
        /** Loopback whatever the listen host: the node's counters are for its operator (issue 17). */
        private String metricsHost = "127.0.0.1";

        private String location = "localhost";
        private SphinxParams sphinx = SphinxParams.DEFAULT;
        private int ioThreads = 2;
        private int cryptoWorkers = Runtime.getRuntime().availableProcessors();
        private int cryptoQueueCapacity = 8192;
        private int schedulerCapacity = 100_000;
        private int outgoingPendingPerHop = 1024;
        private ReplayFilterSettings replayFilter = ReplayFilterSettings.DEFAULTS;
        private int inboxCapacity = 1000;
        private Duration maxDelay = Duration.ofSeconds(60);
        private Duration presenceInterval = Duration.ofSeconds(3);
        /** One published metrics window: per-second counts would trace one user's traffic (issue 17). */
        private Duration metricsInterval = Duration.ofSeconds(60);

        private Duration topologyRefresh = Duration.ofSeconds(2);
        private Duration drainDeadline = Duration.ofSeconds(5);
        private Duration reconnectMin = Duration.ofMillis(100);
        private Duration reconnectMax = Duration.ofSeconds(5);
        private GatewaySettings gateway = GatewaySettings.DEFAULTS;
        private Duration handshakeTimeout = LinkSettings.DEFAULT_HANDSHAKE_TIMEOUT;
        private long rekeyCells = LinkSettings.DEFAULT_REKEY_INTERVAL;
        private int concurrentHandshakes = HandshakeGate.DEFAULT_MAX_CONCURRENT;
        private BandwidthSettings bandwidth = BandwidthSettings.UNMETERED;
        private double dropProbability;

        private Builder(NodeMode mode, NodeKeys keys, URI directory, Path dataDir) {
            this.mode = mode;
            this.keys = keys;
            this.directory = directory;
            this.dataDir = dataDir;
        }

        /**
         * The topology authorities whose threshold of signatures makes an epoch document trusted (required): the
         * network tree's {@link AuthoritySet#TREE_FILE}.
         */
        public Builder authorities(AuthoritySet v) {
            authorities = v;
            return this;
        }

        public Builder listenHost(String v) {
            listenHost = v;
            return this;
        }

        public Builder mixnetPort(int v) {
            mixnetPort = v;
            return this;
        }

        /** The host announced to the directory (default: the listen host). */
        public Builder announceHost(String v) {
            announceHost = v;
            return this;
        }

        public Builder clientPort(int v) {
            clientPort = v;
            return this;
        }

        /** The local Prometheus endpoint's port on the listen host; {@link #METRICS_OFF} for none, 0 for a free one. */
        public Builder metricsPort(int v) {
            metricsPort = v;
            return this;
        }

        public Builder metricsHost(String v) {
            metricsHost = v;
            return this;
        }

        public Builder location(String v) {
            location = v;
            return this;
        }

        public Builder sphinx(SphinxParams v) {
            sphinx = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder cryptoWorkers(int v) {
            cryptoWorkers = v;
            return this;
        }

        public Builder cryptoQueueCapacity(int v) {
            cryptoQueueCapacity = v;
            return this;
        }

        public Builder schedulerCapacity(int v) {
            schedulerCapacity = v;
            return this;
        }

        public Builder outgoingPendingPerHop(int v) {
            outgoingPendingPerHop = v;
            return this;
        }

        /** Changes how the replay filters are sized and saved (defaults {@link ReplayFilterSettings#DEFAULTS}). */
        public Builder replayFilter(UnaryOperator<ReplayFilterSettings> change) {
            replayFilter = change.apply(replayFilter);
            return this;
        }

        /**
         * Where the identity and the Sphinx key ring ({@code sphinx/}) are kept: {@code <home>/keys} for a node home;
         * in process by default {@code <dataDir>/keys}.
         */
        public Builder keysDir(Path v) {
            keysDir = v;
            return this;
        }

        public Builder inboxCapacity(int v) {
            inboxCapacity = v;
            return this;
        }

        public Builder maxDelay(Duration v) {
            maxDelay = v;
            return this;
        }

        public Builder presenceInterval(Duration v) {
            presenceInterval = v;
            return this;
        }

        public Builder metricsInterval(Duration v) {
            metricsInterval = v;
            return this;
        }

        /** How often the epoch documents are read (besides the read at each epoch's start). */
        public Builder topologyRefresh(Duration v) {
            topologyRefresh = v;
            return this;
        }

        public Builder drainDeadline(Duration v) {
            drainDeadline = v;
            return this;
        }

        public Builder reconnectMin(Duration v) {
            reconnectMin = v;
            return this;
        }

        public Builder reconnectMax(Duration v) {
            reconnectMax = v;
            return this;
        }

        /** Changes the gateway settings (defaults {@link GatewaySettings#DEFAULTS}). */
        public Builder gateway(UnaryOperator<GatewaySettings> change) {
            gateway = change.apply(gateway);
            return this;
        }

        /** How long a mix link's Noise handshake may take before the connection is closed. */
        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        /** Cells per direction after which both ends of a mix link rekey it. */
        public Builder rekeyCells(long v) {
            rekeyCells = v;
            return this;
        }

        /** Handshakes the mixnet listener runs at once; further connections are closed at once. */
        public Builder concurrentHandshakes(int v) {
            concurrentHandshakes = v;
            return this;
        }

        /**
         * Changes how a gateway charges its clients (default {@link BandwidthSettings#UNMETERED}: no credentials,
         * nothing charged).
         */
        public Builder bandwidth(UnaryOperator<BandwidthSettings> change) {
            bandwidth = change.apply(bandwidth);
            return this;
        }

        /**
         * Fault injection for tests and demonstrations: the share of the packets it would forward that the node drops
         * silently (default 0, at least 0 and below 1; mix nodes only).
         */
        public Builder dropProbability(double v) {
            dropProbability = v;
            return this;
        }

        public MixNodeConfig build() {
            return new MixNodeConfig(
                    mode,
                    keys,
                    directory,
                    authorities,
                    dataDir,
                    keysDir == null ? dataDir.resolve("keys") : keysDir,
                    listenHost,
                    mixnetPort,
                    announceHost == null ? listenHost : announceHost,
                    clientPort,
                    metricsPort,
                    metricsHost,
                    location,
                    sphinx,
                    ioThreads,
                    cryptoWorkers,
                    cryptoQueueCapacity,
                    schedulerCapacity,
                    outgoingPendingPerHop,
                    replayFilter,
                    inboxCapacity,
                    maxDelay,
                    presenceInterval,
                    metricsInterval,
                    topologyRefresh,
                    drainDeadline,
                    reconnectMin,
                    reconnectMax,
                    gateway,
                    handshakeTimeout,
                    rekeyCells,
                    concurrentHandshakes,
                    bandwidth,
                    dropProbability);
        }
    }

    @Override
    public String toString() {
        return "MixNodeConfig[" + mode + ", " + keys + ", directory=" + directory + ", "
                + authorities.keys().size() + " authorities (threshold " + authorities.threshold() + "), data="
                + dataDir + "]";
    }
}
