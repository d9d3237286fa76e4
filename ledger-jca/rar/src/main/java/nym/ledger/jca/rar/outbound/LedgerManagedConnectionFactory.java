package nym.ledger.jca.rar.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.rar.LedgerResourceAdapter;
import nym.ledger.jca.rar.rpc.RpcClient;

/**
 * Outbound connections to the ledger's CometBFT JSON-RPC. Physical connections are cheap (HTTP, keep-alive inside
 * one shared {@link RpcClient} per factory): a managed connection is a handle on that client, pooled by the
 * container as usual. See the README for the properties.
 */
@ConnectionDefinition(
        connectionFactory = LedgerConnectionFactory.class,
        connectionFactoryImpl = LedgerConnectionFactoryImpl.class,
        connection = LedgerConnection.class,
        connectionImpl = LedgerConnectionHandle.class)
public class LedgerManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    // Defaults live here, not in @ConfigProperty(defaultValue): Payara applied an annotation default over the value a
    // connection-factory definition gave (timeoutMillis=1500 ended up 10000), so the annotations carry none.

    private String nodeUrls = "";
    private Integer timeoutMillis = 10_000;
    private Integer connectTimeoutMillis = 2_000;
    private Integer commitTimeoutMillis = 60_000;

    private transient ResourceAdapter resourceAdapter;
    private transient volatile RpcClient client;
    private transient PrintWriter logWriter;

    @ConfigProperty(
            description = "Comma-separated CometBFT RPC URLs tried in order (failover); empty: the adapter's nodeUrls")
    public void setNodeUrls(String nodeUrls) {
        this.nodeUrls = nodeUrls == null ? "" : nodeUrls;
    }

    public String getNodeUrls() {
        return nodeUrls;
    }

    @ConfigProperty(description = "Deadline of one call over all nodes, ms (default 10000)")
    public void setTimeoutMillis(Integer timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public Integer getTimeoutMillis() {
        return timeoutMillis;
    }

    @ConfigProperty(description = "TCP connect timeout per node, ms (default 2000)")
    public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public Integer getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    @ConfigProperty(description = "Deadline of broadcast_tx_commit (waits for a block), ms (default 60000)")
    public void setCommitTimeoutMillis(Integer commitTimeoutMillis) {
        this.commitTimeoutMillis = commitTimeoutMillis;
    }

    public Integer getCommitTimeoutMillis() {
        return commitTimeoutMillis;
    }

    /** The RPC client for this factory's configuration, built on first use. */
    RpcClient client() throws LedgerException {
        RpcClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    String urls = nodeUrls.isBlank() && resourceAdapter instanceof LedgerResourceAdapter ra
                            ? ra.effectiveNodeUrls()
                            : nodeUrls;
                    c = new RpcClient(
                            RpcClient.parseNodes(urls.isBlank() ? LedgerResourceAdapter.defaultNodeUrls() : urls),
                            Duration.ofMillis(connectTimeoutMillis),
                            Duration.ofMillis(timeoutMillis),
                            Duration.ofMillis(commitTimeoutMillis));
                    client = c;
                    java.util.logging.Logger.getLogger(LedgerManagedConnectionFactory.class.getName())
                            .info("ledger connections to "
                                    + c.nodes() + ": timeout " + timeoutMillis + " ms, connect " + connectTimeoutMillis
                                    + " ms, commit "
                                    + commitTimeoutMillis + " ms");
                }
            }
        }
        return c;
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new LedgerConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        return new LedgerConnectionFactoryImpl(this, null);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        try {
            return new LedgerManagedConnection(this, client());
        } catch (LedgerException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object o : connections) {
            if (o instanceof LedgerManagedConnection mc && mc.factory() == this) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerManagedConnectionFactory f
                && nodeUrls.equals(f.nodeUrls)
                && Objects.equals(timeoutMillis, f.timeoutMillis)
                && Objects.equals(connectTimeoutMillis, f.connectTimeoutMillis)
                && Objects.equals(commitTimeoutMillis, f.commitTimeoutMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeUrls, timeoutMillis, connectTimeoutMillis, commitTimeoutMillis);
    }
}
