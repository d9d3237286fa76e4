package nym.ledger.jca.rar.outbound;

import java.util.Optional;
import nym.ledger.jca.BroadcastResult;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.NodeStatus;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.rpc.RpcClient;

/** The application's handle on a managed connection; unusable after {@link #close()} or the container's cleanup. */
public class LedgerConnectionHandle implements LedgerConnection {

    private volatile LedgerManagedConnection managed;

    LedgerConnectionHandle(LedgerManagedConnection managed) {
        this.managed = managed;
    }

    void associate(LedgerManagedConnection mc) {
        this.managed = mc;
    }

    void invalidate() {
        this.managed = null;
    }

    private RpcClient rpc() throws LedgerException {
        LedgerManagedConnection mc = managed;
        if (mc == null) {
            throw new LedgerException(LedgerException.Kind.CLOSED, "ledger connection is closed");
        }
        return mc.rpc();
    }

    @Override
    public BroadcastResult broadcastSync(byte[] tx) throws LedgerException {
        return rpc().broadcastSync(tx);
    }

    @Override
    public CommitResult broadcastCommit(byte[] tx) throws LedgerException {
        return rpc().broadcastCommit(tx);
    }

    @Override
    public QueryResult query(String path, byte[] data) throws LedgerException {
        return rpc().query(path, data);
    }

    @Override
    public NodeStatus status() throws LedgerException {
        return rpc().status();
    }

    @Override
    public Optional<TxRecord> tx(String hash) throws LedgerException {
        return rpc().tx(hash);
    }

    @Override
    public void close() {
        LedgerManagedConnection mc = managed;
        managed = null;
        if (mc != null) {
            mc.handleClosed(this);
        }
    }
}
