package nym.provider.domain.ledger;

/** The ledger could not be reached or answered something unreadable; nothing was decided. */
public class LedgerUnavailable extends RuntimeException {

    public LedgerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
