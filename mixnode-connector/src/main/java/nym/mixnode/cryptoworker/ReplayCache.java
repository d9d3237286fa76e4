package nym.mixnode.cryptoworker;

import java.nio.ByteBuffer;
import nym.sphinx.ReplayTag;

/**
 * The replay tags seen under the node's current Sphinx key, in 8 bytes each: an open-addressing table of the tags'
 * first 64 bits (the tag is an HKDF output, so its bits are uniform; two different packets share a prefix with
 * probability n / 2^64, i.e. never in practice). The table is allocated once at twice the capacity, so lookups stay
 * short. When {@code capacity} tags are stored it refuses every new one ({@link Outcome#FULL}) rather than forget old
 * ones, because forgetting would let replays through; the remedy is a key rotation (not implemented yet), which
 * starts an empty cache. Thread-safe (one lock: a lookup is a few array reads).
 */
public final class ReplayCache {

    /** What a check found. */
    public enum Outcome {
        FRESH,
        REPLAY,
        FULL
    }

    /** The value 0 marks an empty slot; a tag whose prefix is 0 is stored as this instead. */
    private static final long ZERO_STAND_IN = 1L;

    private final long[] slots;
    private final int mask;
    private final int capacity;
    private int size;

    public ReplayCache(int capacity) {
        if (capacity < 1 || capacity > (1 << 29)) {
            throw new IllegalArgumentException("replay cache capacity must be 1..2^29");
        }
        this.capacity = capacity;
        int length = Integer.highestOneBit(capacity * 2 - 1) << 1;
        this.slots = new long[length];
        this.mask = length - 1;
    }

    /** Records {@code tag}; {@link Outcome#FRESH} the first time only. */
    public synchronized Outcome check(ReplayTag tag) {
        long key = ByteBuffer.wrap(tag.toBytes()).getLong();
        if (key == 0) {
            key = ZERO_STAND_IN;
        }
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return Outcome.REPLAY;
            }
            i = (i + 1) & mask;
        }
        if (size >= capacity) {
            return Outcome.FULL;
        }
        slots[i] = key;
        size++;
        return Outcome.FRESH;
    }

    public synchronized int size() {
        return size;
    }
}
