package nym.ledger.state;

import java.util.List;
import nym.ledger.LedgerException;

/** The result of one transaction: code 0 and events on success, else the refusal's code and message. */
public record TxOutcome(int code, String log, List<LedgerEvent> events) {
    public static final String CODESPACE = "nym";

    public static TxOutcome ok(List<LedgerEvent> events) {
        return new TxOutcome(0, "", List.copyOf(events));
    }

    public static TxOutcome refused(LedgerException e) {
        return new TxOutcome(e.code(), e.kind().name() + ": " + e.getMessage(), List.of());
    }

    public boolean isOk() {
        return code == 0;
    }

    public String codespace() {
        return code == 0 ? "" : CODESPACE;
    }
}
