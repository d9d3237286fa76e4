package nym.watcher.domain;

import java.util.Optional;

/** The watchers' cursors, kept in the database so a restarted watcher neither skips nor repeats a block. */
public interface CursorRepository {

    Optional<WatchCursor> find(CursorKey key);

    /**
     * Moves the cursor from {@code expected} (empty: none yet) to {@code next}; false if the stored cursor is not
     * {@code expected} any more (another process with the same watcher key moved it), then nothing changes.
     */
    boolean advance(CursorKey key, Optional<WatchCursor> expected, WatchCursor next);
}
