package nym.mixnode.stake;

/**
 * Bonding or unbonding cannot be done: the ledger refused the transaction (its code and log are in the message), or
 * the node's bond on the ledger rules it out (another owner, unbonding, another kind). Nothing was changed.
 */
public final class StakeException extends RuntimeException {

    public StakeException(String message) {
        super(message);
    }
}
