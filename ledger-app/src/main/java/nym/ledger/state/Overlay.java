package nym.ledger.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Buffered writes over a parent view. A transaction runs on its own overlay and is merged into the parent only
 * when it succeeds, so a refused transaction changes nothing.
 */
public final class Overlay implements StateView {
    private static final byte[] TOMBSTONE = new byte[0];

    private final StateView parent;
    private final Map<String, byte[]> writes = new HashMap<>();

    public Overlay(StateView parent) {
        this.parent = parent;
    }

    @Override
    public byte[] get(String key) {
        byte[] v = writes.get(key);
        if (v == TOMBSTONE) {
            return null;
        }
        return v != null ? v : parent.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        writes.put(key, value.clone());
    }

    @Override
    public void delete(String key) {
        writes.put(key, TOMBSTONE);
    }

    /** Pushes every buffered write into the parent and clears this overlay. */
    public void mergeIntoParent() {
        for (Map.Entry<String, byte[]> e : writes.entrySet()) {
            if (e.getValue() == TOMBSTONE) {
                parent.delete(e.getKey());
            } else {
                parent.put(e.getKey(), e.getValue());
            }
        }
        writes.clear();
    }

    /** The buffered writes; a null value means delete. */
    public Map<String, byte[]> changes() {
        Map<String, byte[]> out = new HashMap<>();
        writes.forEach((k, v) -> out.put(k, v == TOMBSTONE ? null : v));
        return out;
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }
}
