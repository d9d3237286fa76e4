package nym.provider.domain.spend;

import java.util.Locale;

/** Where a spend's deposit stands: submitting (inside the accepting transaction only), then the ledger's verdict. */
public enum DepositStatus {
    SUBMITTING,
    PENDING,
    ACCEPTED,
    REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DepositStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean settled() {
        return this == ACCEPTED || this == REJECTED;
    }
}
