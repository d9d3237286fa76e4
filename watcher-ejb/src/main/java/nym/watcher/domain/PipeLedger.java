package nym.watcher.domain;

import java.util.List;

/** The ledger as a watcher uses it: one signed pipe-transfer notification per deposit. */
public interface PipeLedger {

    /** This watcher's ledger address, 0x hex. */
    String watcher();

    /**
     * Records this watcher's vote for every deposit and returns once each vote is in a committed block, or was
     * already recorded or no longer needed (the ledger settled the deposit with other watchers' votes). A vote sent
     * again is harmless: the ledger counts one vote per watcher and deposit.
     *
     * @throws WatcherException if a vote could not be recorded; the caller tries the same deposits again later
     */
    void record(List<Deposit> deposits);
}
