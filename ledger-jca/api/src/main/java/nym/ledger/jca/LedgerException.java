package nym.ledger.jca;

/**
 * The one exception type of the ledger adapter: what went wrong is in {@link #kind()}, the details in the message.
 * A transaction the ledger refuses is not an exception: its result carries the ABCI code (see
 * {@link TxOutcome#ok()}); {@link Kind#REFUSED} is only thrown by {@code requireOk()} helpers.
 */
public class LedgerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Kind {
        /** No configured node could be reached (connection refused, reset, HTTP error status). */
        UNAVAILABLE,
        /** No node answered within the configured timeout. */
        TIMEOUT,
        /** A node answered with a JSON-RPC error (bad parameters, malformed query, unknown transaction...). */
        RPC_ERROR,
        /** A node's answer could not be understood. */
        MALFORMED_RESPONSE,
        /** The ledger refused a transaction (non-zero ABCI code). */
        REFUSED,
        /** A {@code broadcast_tx_commit} was accepted but not committed within the node's own timeout. */
        NOT_COMMITTED,
        /** The connection handle was closed or invalidated by the container. */
        CLOSED,
        /** The adapter or activation is configured wrongly. */
        CONFIGURATION,
        /** The calling thread was interrupted while waiting for a node. */
        INTERRUPTED
    }

    private final Kind kind;

    public LedgerException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public LedgerException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
