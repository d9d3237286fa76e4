package nym.watcher.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import nym.watcher.domain.CursorKey;
import nym.watcher.domain.CursorRepository;
import nym.watcher.domain.Deposit;
import nym.watcher.domain.DepositChain;
import nym.watcher.domain.PipeLedger;
import nym.watcher.domain.WatchCursor;
import nym.watcher.domain.WatcherException;
import nym.watcher.domain.WatcherException.Kind;

/**
 * One authority's watcher: reads the token's {@code Deposit} logs (payments into the pipe account, each naming the
 * ledger account to credit) from blocks past the confirmation depth, records a vote for each on the ledger, then moves its cursor past those blocks.
 *
 * <p>Each block is done exactly once: the cursor moves only after every vote of its blocks is committed, so a crash
 * in between repeats those votes, which the ledger counts once per watcher and deposit; and a block is only read
 * once {@code confirmations} blocks follow it, so a reorganization shallower than that never changes a block the
 * watcher acted on. A deeper one is noticed (the hash of the last block done changed) and stops the watcher: votes
 * on the ledger cannot be taken back, so an operator must look.
 */
public final class DepositWatcher {

    private static final Logger LOG = Logger.getLogger(DepositWatcher.class.getName());

    private final DepositChain chain;
    private final PipeLedger ledger;
    private final CursorRepository cursors;
    private final WatcherSettings settings;
    private final CursorKey key;

    public DepositWatcher(
            DepositChain chain, PipeLedger ledger, CursorRepository cursors, WatcherSettings settings, String token) {
        this.chain = chain;
        this.ledger = ledger;
        this.cursors = cursors;
        this.settings = settings;
        this.key = new CursorKey(ledger.watcher(), chain.genesisHash(), token);
    }

    /**
     * One step: the confirmed blocks after the cursor (at most {@code maxBlocksPerPoll}), their deposits voted for,
     * the cursor moved.
     *
     * @return the deposits voted for in this step
     * @throws WatcherException when the step could not finish; the cursor is where it was
     */
    public int poll() {
        Optional<WatchCursor> saved = cursors.find(key);
        WatchCursor at = saved.orElseGet(() -> WatchCursor.startingAt(settings.startBlock()));
        long confirmed = chain.head() - settings.confirmations();
        if (at.nextBlock() > confirmed) {
            return 0;
        }
        requireUnchanged(at.nextBlock() - 1, at.lastBlockHash());
        long to = Math.min(confirmed, at.nextBlock() + settings.maxBlocksPerPoll() - 1);
        String toHash = chain.blockHash(to);
        List<Deposit> deposits = creditable(chain.deposits(at.nextBlock(), to));
        requireCanonical(deposits, to, toHash);
        ledger.record(deposits);
        if (!cursors.advance(key, saved, new WatchCursor(to + 1, toHash))) {
            throw new WatcherException(Kind.CURSOR_CONFLICT, "the cursor of " + key + " was moved by another process");
        }
        return deposits.size();
    }

    /** The cursor this watcher would continue from (for status and tests). */
    public Optional<WatchCursor> cursor() {
        return cursors.find(key);
    }

    private void requireUnchanged(long block, String hash) {
        if (hash != null && !hash.equals(chain.blockHash(block))) {
            throw new WatcherException(
                    Kind.REORGANIZED_BELOW_DEPTH,
                    "block " + block + " was " + hash + " when processed and is " + chain.blockHash(block)
                            + " now: a reorganization deeper than " + settings.confirmations() + " confirmations");
        }
    }

    /** Every deposit's block must be the chain's block of that number now (read in one consistent view). */
    private void requireCanonical(List<Deposit> deposits, long to, String toHash) {
        Map<Long, String> hashes = new HashMap<>(Map.of(to, toHash));
        for (Deposit d : deposits) {
            String canonical = hashes.computeIfAbsent(d.blockNumber(), chain::blockHash);
            if (!canonical.equals(d.blockHash())) {
                throw new WatcherException(
                        Kind.CHAIN_INCONSISTENT,
                        d + " is in block " + d.blockHash() + ", the chain's block " + d.blockNumber() + " is "
                                + canonical);
            }
        }
    }

    private static List<Deposit> creditable(List<Deposit> deposits) {
        List<Deposit> kept = new ArrayList<>(deposits.size());
        for (Deposit d : deposits) {
            if (d.creditable()) {
                kept.add(d);
            } else {
                // Zero moves nothing; more than 2^63 - 1 cannot exist with NymToken's 64-bit supply.
                LOG.warning(() -> d + " cannot be credited on the ledger: skipped");
            }
        }
        return kept;
    }
}
