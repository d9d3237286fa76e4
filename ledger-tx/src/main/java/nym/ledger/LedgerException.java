package nym.ledger;

/**
 * The one exception type of the ledger. Every refusal carries a {@link Kind}; a transaction refused with a kind
 * changes nothing. The kind's {@link Kind#code()} is the ABCI result code reported to CometBFT and RPC clients.
 */
public final class LedgerException extends RuntimeException {

    /** Why something was refused. Codes are stable: clients match on them. 0 is success and never used here. */
    public enum Kind {
        MALFORMED_TX(1),
        BAD_SIGNATURE(2),
        WRONG_CHAIN(3),
        WRONG_NONCE(4),
        INSUFFICIENT_BALANCE(5),
        UNKNOWN_WATCHER(6),
        UNKNOWN_VERIFIER(7),
        DUPLICATE_VOTE(8),
        ALREADY_SETTLED(9),
        VALUE_NOT_ALLOWED(10),
        NOT_CANONICAL(11),
        DOUBLE_SPEND(12),
        UNKNOWN_DEPOSIT(13),
        DEPOSIT_REJECTED(14),
        OVERFLOW(15),
        INVALID_ARGUMENT(16),
        BAD_GENESIS(17),
        BAD_QUERY(18),
        STORAGE(19),
        PROTOCOL(20),
        UNAVAILABLE(21),
        /** RPC: parameters missing or malformed (JSON-RPC -32602). */
        INVALID_PARAMS(22),
        /** RPC: no such method (JSON-RPC -32601). */
        UNKNOWN_METHOD(23),
        /** RPC: not a JSON-RPC request (JSON-RPC -32600). */
        BAD_REQUEST(24),
        /** A credential deposit from an address that genesis does not register as a service provider. */
        UNKNOWN_PROVIDER(25),
        /** A DKG transaction from an address that genesis does not register as an issuer. */
        UNKNOWN_ISSUER(26),
        /** A DKG transaction for a key epoch that does not exist or is not in the phase the transaction belongs to. */
        DKG_WRONG_PHASE(27),
        /** A second dealing of one issuer, or a second complaint of one issuer against one dealer, in a key epoch. */
        DKG_DUPLICATE(28),
        /** Dealing or complaint bytes that do not parse for this key epoch (the message names the coconut kind). */
        MALFORMED_DKG(29),
        /** A complaint whose proof does not hold, or whose share turns out good: it disqualifies nobody. */
        UNJUSTIFIED_COMPLAINT(30),
        /** A credential request before any key epoch has completed: no issuing key exists yet. */
        NO_ISSUING_KEY(31),
        /** A stake transaction or query on a chain whose genesis has no {@code stake} parameters. */
        NO_STAKE(32),
        /** A monitor report from an address that genesis does not register as a monitor. */
        UNKNOWN_MONITOR(33),
        /** No bond for this node identity (never bonded, or its bond was released). */
        NOT_BONDED(34),
        /** The node is bonded by another owner. */
        NOT_OWNER(35),
        /** The node (or the delegation) is unbonding: it takes no new bond, delegation or unbond. */
        UNBONDING(36),
        /** A first bond smaller than the genesis {@code min_bond}. */
        BELOW_MIN_BOND(37),
        /** A monitor report for an epoch whose report window (its start until its settlement) is not now. */
        REPORT_OUTSIDE_WINDOW(38),
        /** A second report of one monitor for one epoch. */
        DUPLICATE_REPORT(39),
        /** An undelegation of more than the signer has delegated to the node. */
        INSUFFICIENT_DELEGATION(40);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final Kind kind;

    public LedgerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LedgerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The ABCI result code of this refusal. */
    public int code() {
        return kind.code();
    }
}
