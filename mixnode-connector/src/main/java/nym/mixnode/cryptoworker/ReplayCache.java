package nym.mixnode.cryptoworker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nym.sphinx.ReplayTag;

/**
 * The replay tags seen under the node's current Sphinx key. Bounded: when full it refuses every new tag
 * ({@link Outcome#FULL}) rather than forget old ones, because forgetting would let replays through; the remedy is a
 * key rotation (not implemented yet), which starts an empty cache. Thread-safe.
 */
public final class ReplayCache {

    /** What a check found. */
    public enum Outcome {
        FRESH,
        REPLAY,
        FULL
    }

    private final Set<ReplayTag> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public ReplayCache(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code tag}; {@link Outcome#FRESH} the first time only. */
    public Outcome check(ReplayTag tag) {
        if (seen.contains(tag)) {
            return Outcome.REPLAY;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return Outcome.FULL;
        }
        if (!seen.add(tag)) {
            size.decrementAndGet();
            return Outcome.REPLAY;
        }
        return Outcome.FRESH;
    }

    public int size() {
        return size.get();
    }
}
