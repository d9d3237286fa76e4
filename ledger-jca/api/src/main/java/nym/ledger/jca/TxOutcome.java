package nym.ledger.jca;

import java.io.Serializable;
import java.util.List;

/**
 * What the application answered for a transaction (CheckTx or its execution in a block). Code 0 is success; the
 * Nym ledger's refusal codes are listed in ledger-app's README (codespace {@code nym}).
 *
 * @param events the events of an executed transaction with their ids; empty for CheckTx
 */
public record TxOutcome(int code, String codespace, String log, List<LedgerEvent> events) implements Serializable {

    public TxOutcome {
        events = List.copyOf(events);
    }

    public boolean ok() {
        return code == 0;
    }
}
