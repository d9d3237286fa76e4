package nym.watcher.application;

/**
 * How a watcher reads the chain.
 *
 * @param confirmations blocks that must follow a block before the watcher acts on it (the confirmation depth);
 *     reorganizations shallower than this never touch a block the watcher acted on
 * @param startBlock first block of a watcher without a cursor (e.g. the token's deployment block)
 * @param maxBlocksPerPoll most blocks read in one step, so a watcher far behind catches up in bounded steps
 */
public record WatcherSettings(int confirmations, long startBlock, int maxBlocksPerPoll) {

    public WatcherSettings {
        if (confirmations < 0 || startBlock < 0 || maxBlocksPerPoll < 1) {
            throw new IllegalArgumentException("confirmations and start block must be >= 0, blocks per poll >= 1");
        }
    }
}
