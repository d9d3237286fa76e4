package nym.ledger.jca;

import java.io.Serializable;

/**
 * Answer of {@code broadcast_tx_commit}: CheckTx, and, if it passed, the execution in the committed block.
 *
 * @param height the block height, 0 if CheckTx refused the transaction
 * @param txResult the execution outcome with events, {@code null} if CheckTx refused the transaction
 */
public record CommitResult(String hash, long height, TxOutcome checkTx, TxOutcome txResult) implements Serializable {

    public boolean ok() {
        return checkTx.ok() && txResult != null && txResult.ok();
    }

    /** This result, or a {@link LedgerException.Kind#REFUSED} exception with the ledger's log. */
    public CommitResult requireOk() throws LedgerException {
        if (!ok()) {
            TxOutcome failed = checkTx.ok() ? txResult : checkTx;
            throw new LedgerException(
                    LedgerException.Kind.REFUSED,
                    "tx " + hash + " refused, code " + failed.code() + " (" + failed.codespace() + "): "
                            + failed.log());
        }
        return this;
    }
}
