package nym.ledger.jca.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.transaction.xa.XAResource;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.rar.inbound.DeadLetters;
import nym.ledger.jca.rar.inbound.EndpointSink;
import nym.ledger.jca.rar.inbound.EventStream;
import nym.ledger.jca.rar.inbound.LedgerActivationSpec;
import nym.ledger.jca.rar.inbound.StreamBeans;
import nym.ledger.jca.rar.inbound.TxQuery;
import nym.ledger.jca.rar.rpc.RpcClient;

/**
 * The resource adapter to the CometBFT ledger: outbound connections (see
 * {@link nym.ledger.jca.rar.outbound.LedgerManagedConnectionFactory}) and inbound event streams, one per activated
 * MDB, each running as one long-lived {@link jakarta.resource.spi.work.Work} of the container's WorkManager and
 * delivering to the MDB one event at a time, in chain order, each shown over JMX (see {@link StreamBeans}).
 */
@Connector(
        displayName = "Nym ledger adapter",
        vendorName = "Nym",
        eisType = "CometBFT ledger",
        version = "0.1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class LedgerResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(LedgerResourceAdapter.class.getName());

    /** System property consulted when neither the adapter nor a factory/activation names nodes. */
    public static final String NODES_PROPERTY = "nym.ledger.nodes";

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private String nodeUrls = "";
    private String deadLetterDirectory = "";

    private BootstrapContext bootstrap;
    private HttpClient websockets;
    private final Map<MessageEndpointFactory, EventStream> streams = new ConcurrentHashMap<>();

    @ConfigProperty(
            description = "Comma-separated CometBFT RPC URLs for factories and activations that name none; "
                    + "empty: system property nym.ledger.nodes, else http://127.0.0.1:26657")
    public void setNodeUrls(String nodeUrls) {
        this.nodeUrls = nodeUrls == null ? "" : nodeUrls.trim();
    }

    public String getNodeUrls() {
        return nodeUrls;
    }

    @ConfigProperty(
            description = "Directory of the consumers' dead letters (one file per subscriber); empty: "
                    + "<instance root>/ledger-jca/dead-letters")
    public void setDeadLetterDirectory(String deadLetterDirectory) {
        this.deadLetterDirectory = deadLetterDirectory == null ? "" : deadLetterDirectory.trim();
    }

    public String getDeadLetterDirectory() {
        return deadLetterDirectory;
    }

    /** The node list when nothing closer names one: system property {@value #NODES_PROPERTY}, else the local default. */
    public static String defaultNodeUrls() {
        String p = System.getProperty(NODES_PROPERTY, "");
        return p.isBlank() ? "http://127.0.0.1:26657" : p;
    }

    /** This adapter's node list, or {@link #defaultNodeUrls()}. */
    public String effectiveNodeUrls() {
        return nodeUrls.isBlank() ? defaultNodeUrls() : nodeUrls;
    }

    Path deadLetterPath() {
        if (!deadLetterDirectory.isBlank()) {
            return Path.of(deadLetterDirectory);
        }
        String root = System.getProperty("com.sun.aas.instanceRoot");
        return root == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "ledger-jca", "dead-letters")
                : Path.of(root, "ledger-jca", "dead-letters");
    }

    @Override
    public void start(BootstrapContext context) {
        this.bootstrap = context;
        this.websockets = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        LOG.info(() -> "ledger resource adapter started (nodes " + effectiveNodeUrls() + ", dead letters in "
                + deadLetterPath() + ")");
    }

    @Override
    public void stop() {
        for (MessageEndpointFactory f : streams.keySet()) {
            endpointDeactivation(f, null);
        }
        bootstrap = null;
        LOG.info("ledger resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof LedgerActivationSpec s)) {
            throw new ResourceAdapterInternalException("not a ledger activation spec: " + spec);
        }
        s.validate();
        String subscriber = s.getSubscriberId();
        if (subscriber.isEmpty()) {
            subscriber = factory.getActivationName();
        }
        if (subscriber == null || subscriber.isEmpty()) {
            subscriber = factory.getEndpointClass() == null
                    ? "ledger-listener"
                    : factory.getEndpointClass().getName();
        }
        RpcClient rpc;
        try {
            String urls = s.getNodeUrls().isBlank() ? effectiveNodeUrls() : s.getNodeUrls();
            rpc = new RpcClient(
                    RpcClient.parseNodes(urls),
                    Duration.ofMillis(Math.min(5000, s.getTimeoutMillis())),
                    Duration.ofMillis(s.getTimeoutMillis()),
                    Duration.ofMillis(s.getTimeoutMillis()));
        } catch (LedgerException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        TxQuery query;
        try {
            query = TxQuery.parse(s.getQuery());
        } catch (LedgerException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        Set<String> types = Arrays.stream(s.getEventTypes().split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        EventStream.Settings settings = new EventStream.Settings(
                subscriber,
                query,
                s.getStartHeight(),
                types,
                Duration.ofMillis(s.getRetryMillis()),
                s.getMaxDeliveries(),
                Duration.ofMillis(s.getIdleReconnectMillis()),
                s.getQueueCapacity());
        EventStream stream = new EventStream(
                settings, rpc, websockets, new DeadLetters(deadLetterPath()), new EndpointSink(factory));
        streams.put(factory, stream);
        StreamBeans.register(stream);
        try {
            bootstrap.getWorkManager().scheduleWork(stream);
        } catch (WorkException e) {
            streams.remove(factory);
            StreamBeans.unregister(stream);
            throw new ResourceAdapterInternalException("cannot schedule the ledger event stream: " + e.getMessage(), e);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        EventStream stream = streams.remove(factory);
        if (stream == null) {
            return;
        }
        StreamBeans.unregister(stream);
        try {
            if (!stream.stop(STOP_WAIT)) {
                LOG.warning("ledger event stream did not stop within " + STOP_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping a ledger event stream", e);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
