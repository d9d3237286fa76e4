package nym.ledger.jca;

import java.io.Serializable;

/** Answer of {@code broadcast_tx_sync}: the transaction's hash and its CheckTx outcome (not yet in a block). */
public record BroadcastResult(String hash, int code, String codespace, String log) implements Serializable {

    public boolean ok() {
        return code == 0;
    }

    /** This result, or a {@link LedgerException.Kind#REFUSED} exception with the ledger's log. */
    public BroadcastResult requireOk() throws LedgerException {
        if (!ok()) {
            throw new LedgerException(
                    LedgerException.Kind.REFUSED,
                    "tx " + hash + " refused, code " + code + " (" + codespace + "): " + log);
        }
        return this;
    }
}
