package nym.ledger.jca;

import java.util.Optional;

/**
 * A connection handle to the ledger, from {@link LedgerConnectionFactory#getConnection()}. Use it in
 * try-with-resources; closing returns the physical connection to the container's pool. Every call is bounded by
 * the adapter's configured timeout: a node that does not answer gives {@link LedgerException.Kind#TIMEOUT} or
 * {@link LedgerException.Kind#UNAVAILABLE}, after trying the other configured nodes.
 */
public interface LedgerConnection extends AutoCloseable {

    /** {@code broadcast_tx_sync}: submits a signed transaction and returns its CheckTx outcome. */
    BroadcastResult broadcastSync(byte[] tx) throws LedgerException;

    /** {@code broadcast_tx_commit}: submits and waits until the transaction is in a committed block. */
    CommitResult broadcastCommit(byte[] tx) throws LedgerException;

    /** {@code abci_query} at the latest height, e.g. {@code query("/account", addressBytes)}. */
    QueryResult query(String path, byte[] data) throws LedgerException;

    /** {@code status} of the node that answers. */
    NodeStatus status() throws LedgerException;

    /** {@code tx}: a committed transaction by its hash (hex), empty if the node does not know it. */
    Optional<TxRecord> tx(String hash) throws LedgerException;

    @Override
    void close();
}
