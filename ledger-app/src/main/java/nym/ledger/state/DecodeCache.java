package nym.ledger.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import nym.ledger.Hex;
import nym.ledger.tx.Transaction;

/**
 * Decoded transactions kept from CheckTx until their block, so signature recovery (the dominant per-tx cost) runs
 * once per transaction. Only transactions CheckTx accepted are put here, and the total is bounded in bytes (oldest
 * evicted first), so a flood of refused or oversized transactions cannot grow the heap. A miss only costs a
 * second decode. Thread-safe: CheckTx decodes outside the state's lock.
 */
final class DecodeCache {
    /**
     * Default bound, in bytes of the accounting below; system property {@code nym.ledger.decode-cache-bytes}
     * overrides it (0 disables the cache).
     */
    static final long MAX_BYTES = Long.getLong("nym.ledger.decode-cache-bytes", 64L << 20);

    /** Per entry beyond the raw bytes: the parsed body (about the raw size again), hash, sender, key, map node. */
    private static final int ENTRY_OVERHEAD = 256;

    private record Entry(Transaction tx, long cost) {}

    private final long maxBytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long bytes;

    DecodeCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static long cost(byte[] raw) {
        return 2L * raw.length + ENTRY_OVERHEAD;
    }

    synchronized Transaction get(byte[] hash) {
        Entry e = entries.get(Hex.lower(hash));
        return e == null ? null : e.tx();
    }

    /** Keeps an accepted transaction, evicting the oldest ones beyond the bound. */
    synchronized void put(Transaction tx, byte[] raw) {
        long cost = cost(raw);
        if (cost > maxBytes) {
            return;
        }
        Entry old = entries.put(Hex.lower(tx.hash()), new Entry(tx, cost));
        bytes += cost - (old == null ? 0 : old.cost());
        for (Iterator<Entry> it = entries.values().iterator(); bytes > maxBytes; ) {
            bytes -= it.next().cost();
            it.remove();
        }
    }

    synchronized void remove(byte[] hash) {
        Entry e = entries.remove(Hex.lower(hash));
        if (e != null) {
            bytes -= e.cost();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
