package nym.mixnode.lifecycle;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.credential.rpc.LedgerRpc;
import nym.gateway.api.CellSizes;
import nym.link.LinkKeys;
import nym.mixnode.bandwidth.BandwidthSettings;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.bandwidth.LedgerKeyFile;
import nym.mixnode.bandwidth.RpcGatewayLedger;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.cryptoworker.CryptoWorkerPool;
import nym.mixnode.cryptoworker.Opened;
import nym.mixnode.gateway.ClientChannelInitializer;
import nym.mixnode.gateway.ClientPacketInjector;
import nym.mixnode.gateway.ClientRegistry;
import nym.mixnode.gateway.GatewayCounters;
import nym.mixnode.gateway.GatewayDelivery;
import nym.mixnode.gateway.GatewayStorage;
import nym.mixnode.gateway.InboxStore;
import nym.mixnode.incoming.MixLinkInitializer;
import nym.mixnode.incoming.PreviousLayerOnly;
import nym.mixnode.keys.SphinxKeyRing;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.metrics.PrometheusEndpoint;
import nym.mixnode.outgoing.OutgoingConnections;
import nym.mixnode.pki.DirectoryLink;
import nym.mixnode.pki.DocumentRefusals;
import nym.mixnode.pki.TopologyView;
import nym.mixnode.scheduler.DelayScheduler;
import nym.mixnode.scheduler.Forwarder;
import nym.mixnode.scheduler.InjectedDrops;
import nym.sphinx.ProcessResult;

/**
 * The composition root: builds a node from a {@link MixNodeConfig}, starts it, and halts it in reverse order.
 *
 * <p><b>Start order</b> (each stage exists before anything that hands it packets): 1. the Sphinx key ring (keys
 * read from {@code keys/sphinx/}; filters once the first document names the epoch) and, gateway only, the client
 * registry and inboxes, and the bandwidth balances and spend records of a metered gateway (the steps that can fail
 * on I/O, so they come before any thread exists) and the storage executor that does their file I/O; 2. event loops and outgoing connections (Noise initiators, link keys from the
 * identity); 3. the delay scheduler; 4. crypto workers and the replay filters' persister, and a
 * metered gateway's bandwidth thread (redeemer, balance flushes, reading the ledger's parameters until it answers); 5. the epoch documents, first read
 * from the directory and checked against the pinned authorities, which advance the key ring (the node also starts
 * without one and keeps trying); 6. the mixnet listener (bound; port 0 takes a free port; mix links are Noise
 * responders that accept only the previous layer of a held document); 7. gateway only: the client listener; 8. the
 * first presence (once a document is held: it announces the ring's keys and the bound addresses), then periodic
 * tasks: presence, document refresh (also at each epoch's start), metrics reports, gateways' idle inbox expiry;
 * 9. when configured, the local {@code GET /metrics} endpoint.
 *
 * <p><b>Halt order</b> ({@link #close}), the reverse: 9. the metrics endpoint stops; 8. periodic tasks stop and the
 * signed leave notice is posted (best effort, at most {@link #LEAVE_TIMEOUT}); 7 and 6. listeners stop accepting and
 * their connections close (no new packets); 4. crypto workers finish what is queued, the replay filters are written
 * once more (so a restart refuses every packet processed), then a gateway's storage executor stores what they
 * delivered and its bandwidth thread stops (the balances are written once more); 3. the scheduler keeps sending
 * held packets as they fall due; 2. outgoing connections write out what they hold and close; the event loops stop.
 * Steps 4 to 2 share one drain deadline ({@link MixNodeConfig#drainDeadline()}); what is left then is dropped and
 * counted ({@link DropReason#SHUTDOWN}).
 */
public final class MixNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MixNode.class.getName());
    private static final long IDLE_EXPIRY_CHECK_MILLIS = 60_000;
    /** Shutdown does not wait longer for the directory to take the leave notice. */
    private static final java.time.Duration LEAVE_TIMEOUT = java.time.Duration.ofSeconds(2);

    private final MixNodeConfig config;
    private final NodeMetrics metrics = new NodeMetrics();
    private final TopologyView view;
    private final SphinxKeyRing ring;
    private final DirectoryLink directory;
    private final LinkKeys linkKeys;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final OutgoingConnections outgoing;
    private final DelayScheduler scheduler;
    private final ClientRegistry clients;
    private final GatewayDelivery delivery;
    private final GatewayStorage storage;
    private final GatewayBandwidth bandwidth;
    private final CryptoWorkerPool workers;
    private final ScheduledExecutorService periodic;
    private Channel mixnetListener;
    private Channel clientListener;
    private PrometheusEndpoint metricsEndpoint;
    private boolean closed;
    /** Guards the document refresh, the epoch the presence last announced and the pending switch. */
    private final Object refreshLock = new Object();

    private long announcedEpoch = Long.MIN_VALUE;
    private ScheduledFuture<?> pendingSwitch;

    private MixNode(MixNodeConfig config) throws IOException {
        this.config = config;
        String name = (config.mode() == NodeMode.MIX ? "mix-" : "gateway-")
                + config.keys().identityKeyText().substring(0, 6);
        view = new TopologyView(config.keys().identityKeyText());
        // Key ring and gateway storage first: the steps that can fail on I/O, before any thread exists.
        ring = SphinxKeyRing.open(
                config.keysDir(),
                config.dataDir().resolve("replay"),
                config.replayFilter(),
                new SecureRandom(),
                System::currentTimeMillis);
        directory = new DirectoryLink(config, view, ring, Clock.systemUTC());
        linkKeys = config.keys().link();
        if (config.mode() == NodeMode.GATEWAY) {
            clients = new ClientRegistry(
                    config.dataDir().resolve("clients"), config.gateway().maxClients(), Clock.systemUTC());
            GatewayCounters counters = new GatewayCounters();
            bandwidth = openBandwidth(config, counters, name);
            storage = GatewayStorage.start(name);
            delivery = new GatewayDelivery(
                    clients,
                    new InboxStore(config.dataDir().resolve("inboxes"), config.inboxCapacity()),
                    metrics,
                    counters,
                    storage,
                    config.gateway(),
                    Clock.systemUTC(),
                    System::nanoTime,
                    bandwidth);
        } else {
            clients = null;
            storage = null;
            delivery = null;
            bandwidth = null;
        }
        group = new MultiThreadIoEventLoopGroup(
                config.ioThreads(), new DefaultThreadFactory(name + "-io", true), NioIoHandler.newFactory());
        outgoing = new OutgoingConnections(
                group,
                config.mixLinkSettings(),
                linkKeys,
                MixLinkInitializer.countingFailures(metrics),
                metrics,
                config.outgoingPendingPerHop(),
                config.reconnectMin(),
                config.reconnectMax());
        scheduler = new DelayScheduler(name, config.schedulerCapacity(), metrics, outgoing::send);
        workers = new CryptoWorkerPool(
                name,
                config.cryptoWorkers(),
                config.cryptoQueueCapacity(),
                config.sphinx(),
                ring,
                metrics,
                forwardStage(),
                finalStage());
        periodic = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory(name + "-directory", true));
    }

    /**
     * A metered gateway's balances, spends and ledger account ({@code data/bandwidth/}, {@code keys/ledger.key}); an
     * unmetered one charges nothing (and says so: anyone may use it).
     */
    private static GatewayBandwidth openBandwidth(MixNodeConfig config, GatewayCounters counters, String name)
            throws IOException {
        BandwidthSettings settings = config.bandwidth();
        if (!settings.metered()) {
            LOG.warning("this gateway is unmetered (no bandwidth.ledger_nodes): anyone may use it for free");
            return GatewayBandwidth.unmetered(settings);
        }
        return GatewayBandwidth.open(
                config.dataDir().resolve("bandwidth"),
                settings,
                new RpcGatewayLedger(new LedgerRpc(settings.ledgerNodes(), settings.ledgerTimeout())),
                LedgerKeyFile.read(settings.ledgerKey()),
                config.sphinx().packetSize(),
                counters.bandwidth(),
                name);
    }

    private Consumer<Opened<ProcessResult.Forward>> forwardStage() {
        if (config.mode() == NodeMode.GATEWAY) {
            return f -> metrics.dropped(DropReason.WRONG_ROLE);
        }
        if (config.dropProbability() > 0.0) {
            LOG.warning("[testing] drop_probability = " + config.dropProbability() + ": this mix node silently drops"
                    + " that share of the packets it would forward (fault injection; never on a real network)");
        }
        return new Forwarder(config.maxDelay(), view, scheduler, metrics, InjectedDrops.of(config.dropProbability()))
                ::forward;
    }

    private Consumer<Opened<ProcessResult.Final>> finalStage() {
        if (config.mode() == NodeMode.GATEWAY) {
            return f -> delivery.deliver(f.result());
        }
        return f -> metrics.dropped(DropReason.WRONG_ROLE);
    }

    /** Builds and starts a node (start order in the class comment); the caller closes it. */
    public static MixNode start(MixNodeConfig config) throws IOException, InterruptedException {
        MixNode node = new MixNode(config);
        try {
            node.startStages();
        } catch (IOException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void startStages() throws IOException, InterruptedException {
        scheduler.start();
        workers.start();
        if (bandwidth != null) {
            bandwidth.start();
        }
        ring.startPersisting();
        refreshTopology();
        mixnetListener = bind(
                config.mixnetPort(),
                new MixLinkInitializer(
                        config.mixLinkSettings(),
                        linkKeys,
                        new PreviousLayerOnly(view),
                        config.concurrentHandshakes(),
                        connections,
                        metrics,
                        workers::submit));
        if (config.mode() == NodeMode.GATEWAY) {
            ClientChannelInitializer clientPipeline = new ClientChannelInitializer(
                    delivery,
                    new ClientPacketInjector(config.sphinx().packetSize(), view, scheduler, bandwidth.meter(), metrics),
                    config.keys().identity().publicKey(),
                    LinkKeys.fromEd25519Seed(config.keys().identity().secretKey()),
                    CellSizes.forNetwork(
                            config.sphinx().packetSize(), config.sphinx().payloadSize()));
            clientListener = bind(config.clientPort(), new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ch.pipeline().addLast(clientPipeline);
                }
            });
        }
        announce();
        every(config.presenceInterval().toMillis(), this::announce);
        every(config.topologyRefresh().toMillis(), this::refreshTopology);
        if (delivery != null) {
            every(IDLE_EXPIRY_CHECK_MILLIS, delivery::scheduleIdleExpiry);
        }
        if (config.mode() == NodeMode.MIX) {
            every(
                    config.metricsInterval().toMillis(),
                    () -> directory.reportMetrics(metrics, System.currentTimeMillis()));
        }
        if (config.metricsPort() != MixNodeConfig.METRICS_OFF) {
            metricsEndpoint = PrometheusEndpoint.start(
                    config.metricsHost(),
                    config.metricsPort(),
                    metrics::snapshot,
                    directory.refusals(),
                    ring::gauges,
                    gatewayCounters());
        }
        LOG.info(() -> "started " + config + " on " + mixnetAddress()
                + (clientListener == null ? "" : ", clients on " + clientAddress())
                + (metricsEndpoint == null ? "" : ", metrics on http:/" + metricsEndpoint.address() + "/metrics"));
    }

    private Channel bind(int port, ChannelHandler initializer) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(config.listenHost(), port)
                .sync()
                .channel();
    }

    private void every(long millis, Runnable task) {
        periodic.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "periodic task failed", e);
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    private void announce() {
        synchronized (refreshLock) {
            announcedEpoch = ring.currentEpoch();
            directory.announce(
                    config.announceHost() + ":" + mixnetAddress().getPort(),
                    clientListener == null
                            ? null
                            : config.announceHost() + ":" + clientAddress().getPort());
        }
    }

    /** Where the mixnet listener is bound (the real port when configured with 0). */
    public InetSocketAddress mixnetAddress() {
        return (InetSocketAddress) mixnetListener.localAddress();
    }

    /** Where {@code GET /metrics} is served; null when {@link MixNodeConfig#metricsPort()} is off. */
    public InetSocketAddress metricsAddress() {
        return metricsEndpoint == null ? null : metricsEndpoint.address();
    }

    /** Where the client listener is bound; null for a mix node. */
    public InetSocketAddress clientAddress() {
        return clientListener == null ? null : (InetSocketAddress) clientListener.localAddress();
    }

    public MixNodeConfig config() {
        return config;
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    /** A gateway's client listener refusals and inbox expiries; null for a mix node. */
    public GatewayCounters gatewayCounters() {
        return delivery == null ? null : delivery.counters();
    }

    /** The node's Sphinx keys by epoch with their replay filters. */
    public SphinxKeyRing keyRing() {
        return ring;
    }

    /**
     * The epoch documents the node holds (read every {@link MixNodeConfig#topologyRefresh()} and at each epoch's
     * start).
     */
    public TopologyView topology() {
        return view;
    }

    /** Epoch documents refused by kind. */
    public DocumentRefusals documentRefusals() {
        return directory.refusals();
    }

    /**
     * Reads the epoch documents now instead of waiting for the next refresh, closes links to nodes no held document
     * lists, announces the key ring at once when it has moved to another epoch (so the first presence follows the
     * first document), and sets a timer for the next epoch's start; true if the current epoch's document is held.
     */
    public boolean refreshTopology() {
        synchronized (refreshLock) {
            boolean current = directory.refreshDocuments();
            outgoing.retainOnly(view.peers());
            if (mixnetListener != null && ring.currentEpoch() != announcedEpoch) {
                announce();
            }
            scheduleSwitch();
            return current;
        }
    }

    /** One refresh at the start of the next held document (or the end of the current one), besides the interval. */
    private void scheduleSwitch() {
        if (pendingSwitch != null) {
            pendingSwitch.cancel(false);
        }
        directory.nextSwitchMillis().ifPresent(at -> {
            try {
                pendingSwitch = periodic.schedule(
                        this::refreshQuietly, Math.max(0, at - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // the node is closing: no more epochs for it
            }
        });
    }

    private void refreshQuietly() {
        try {
            refreshTopology();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "epoch switch failed", e);
        }
    }

    /** Halts in reverse start order, draining in-flight packets up to the drain deadline. Idempotent. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        long end = System.nanoTime() + config.drainDeadline().toNanos();
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        periodic.shutdownNow();
        if (mixnetListener != null) {
            directory.leave(LEAVE_TIMEOUT);
        }
        if (clientListener != null) {
            clientListener.close().sync();
        }
        if (mixnetListener != null) {
            mixnetListener.close().sync();
        }
        connections.close().sync();
        workers.drainAndStop(left(end));
        closeRing();
        if (storage != null) {
            storage.drainAndStop(left(end));
        }
        if (bandwidth != null) {
            bandwidth.close(); // after the storage executor: the last deliveries' charges are written too
        }
        scheduler.drainAndStop(left(end));
        outgoing.close(left(end));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        LOG.info(() -> "stopped " + config.keys().identityKeyText() + ": " + metrics.snapshot());
    }

    /** The replay filters are written once more after the workers stopped, so they hold every packet processed. */
    private void closeRing() throws InterruptedException {
        try {
            ring.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "replay filters not written at shutdown", e);
        }
    }

    private static java.time.Duration left(long endNanos) {
        return java.time.Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
