package nym.mixnode.pki;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import nym.directory.api.DirectoryException;

/**
 * Epoch documents the node refused, by {@link DirectoryException.Kind} ({@code NOT_ENOUGH_SIGNATURES},
 * {@code STALE_EPOCH}, {@code EXPIRED}, {@code JSON}): a rising count means the directory serves documents that the
 * pinned authorities did not sign, rolls back, or has stopped publishing. Thread-safe.
 */
public final class DocumentRefusals {

    /** What a fetched document can be refused for ({@code JSON}: it is not a signed document at all). */
    public static final DirectoryException.Kind[] KINDS = {
        DirectoryException.Kind.NOT_ENOUGH_SIGNATURES,
        DirectoryException.Kind.STALE_EPOCH,
        DirectoryException.Kind.EXPIRED,
        DirectoryException.Kind.JSON
    };

    private final Map<DirectoryException.Kind, LongAdder> counts = new EnumMap<>(DirectoryException.Kind.class);

    public DocumentRefusals() {
        for (DirectoryException.Kind kind : DirectoryException.Kind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    void refused(DirectoryException.Kind kind) {
        counts.get(kind).increment();
    }

    public long count(DirectoryException.Kind kind) {
        return counts.get(kind).sum();
    }
}
