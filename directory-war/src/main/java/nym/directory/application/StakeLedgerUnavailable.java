package nym.directory.application;

/** The ledger could not be asked about stake: unreachable, too slow, or an answer that cannot be read. */
public class StakeLedgerUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StakeLedgerUnavailable(String message, Throwable cause) {
        super("ledger unavailable: " + message, cause);
    }
}
