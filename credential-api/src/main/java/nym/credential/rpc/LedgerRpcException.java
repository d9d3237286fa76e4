package nym.credential.rpc;

/**
 * The ledger could not be asked: no node answered, an answer was not the JSON-RPC expected, or a node refused the
 * call itself. A transaction the ledger refused is not this: it comes back as a {@link LedgerRpc.TxResult} with its
 * code.
 */
public final class LedgerRpcException extends RuntimeException {

    public LedgerRpcException(String message) {
        super(message);
    }

    public LedgerRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
