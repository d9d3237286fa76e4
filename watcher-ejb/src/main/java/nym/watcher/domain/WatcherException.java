package nym.watcher.domain;

/** Why a watcher's step failed; the watcher retries from its cursor unless the kind says it cannot. */
public class WatcherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The Ethereum node did not answer or answered an error: retried. */
        CHAIN_UNAVAILABLE(true),
        /** The node's answers of one step disagree (it reorganized confirmed blocks while read): retried. */
        CHAIN_INCONSISTENT(true),
        /** The ledger could not be reached or did not commit in time: retried. */
        LEDGER_UNAVAILABLE(true),
        /** The ledger refused a vote (not a duplicate or a settled deposit), e.g. an unregistered watcher key. */
        LEDGER_REFUSED(true),
        /** The database holding the cursor did not answer: retried. */
        CURSOR_UNAVAILABLE(true),
        /** Another process moved this watcher's cursor (the same watcher key runs twice): retried from its cursor. */
        CURSOR_CONFLICT(true),
        /** Blocks already processed changed: a reorganization deeper than the confirmation depth. The watcher stops. */
        REORGANIZED_BELOW_DEPTH(false),
        /** Settings or key files missing or malformed. */
        CONFIGURATION(false);

        private final boolean retried;

        Kind(boolean retried) {
            this.retried = retried;
        }

        /** Whether the next poll tries again. */
        public boolean retried() {
            return retried;
        }
    }

    private final Kind kind;

    public WatcherException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public WatcherException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
