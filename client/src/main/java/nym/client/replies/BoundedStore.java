package nym.client.replies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A map that keeps at most {@code capacity} entries, forgetting the oldest first; {@link #take} removes what it
 * returns (SURBs are single-use on both sides). Thread-safe.
 */
public final class BoundedStore<K, V> {

    private final LinkedHashMap<K, V> entries;

    public BoundedStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized Optional<V> take(K key) {
        return Optional.ofNullable(entries.remove(key));
    }
}
