package nym.provider.domain.spend;

import java.util.Locale;

/**
 * Where a spend's deposit stands: submitting (inside the accepting transaction only); submitted when the ledger's
 * answer was lost (looked up, sent again, until found or failed); pending in a block; then the ledger's verdict.
 */
public enum DepositStatus {
    SUBMITTING,
    SUBMITTED,
    PENDING,
    ACCEPTED,
    REJECTED,
    /** The deposit was refused in its block, or never reached one within the resubmissions: ζ was not redeemed. */
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DepositStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** Final: nothing will change it any more. */
    public boolean settled() {
        return this == ACCEPTED || this == REJECTED || this == FAILED;
    }
}
