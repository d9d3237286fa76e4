package nym.ledger.jca.rar.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import nym.ledger.jca.rar.rpc.RpcClient;

/**
 * One pooled connection to the ledger. The ledger has no transactions to join (a broadcast is final once CheckTx
 * accepts it), so the adapter declares {@code NoTransaction}.
 */
public class LedgerManagedConnection implements ManagedConnection {

    private final LedgerManagedConnectionFactory factory;
    private final RpcClient rpc;
    private final Set<LedgerConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    LedgerManagedConnection(LedgerManagedConnectionFactory factory, RpcClient rpc) {
        this.factory = factory;
        this.rpc = rpc;
    }

    LedgerManagedConnectionFactory factory() {
        return factory;
    }

    RpcClient rpc() {
        return rpc;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        LedgerConnectionHandle h = new LedgerConnectionHandle(this);
        handles.add(h);
        return h;
    }

    void handleClosed(LedgerConnectionHandle h) {
        handles.remove(h);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(h);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void cleanup() {
        handles.forEach(LedgerConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof LedgerConnectionHandle h)) {
            throw new ResourceException("not a ledger connection handle: " + connection);
        }
        h.associate(this);
        handles.add(h);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("the ledger adapter does not take part in transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("the ledger adapter does not take part in transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "CometBFT";
            }

            @Override
            public String getEISProductVersion() {
                return "0.38";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return "";
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
