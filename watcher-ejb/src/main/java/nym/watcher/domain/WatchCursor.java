package nym.watcher.domain;

/**
 * How far a watcher got: every block before {@code nextBlock} is done (its deposits recorded on the ledger), and
 * {@code lastBlockHash} is the hash block {@code nextBlock - 1} had then (null before the first block), to notice a
 * chain reorganized below the confirmation depth.
 */
public record WatchCursor(long nextBlock, String lastBlockHash) {

    public WatchCursor {
        if (nextBlock < 0) {
            throw new IllegalArgumentException("negative block number " + nextBlock);
        }
    }

    /** Where a watcher without a cursor starts. */
    public static WatchCursor startingAt(long block) {
        return new WatchCursor(block, null);
    }
}
