package nym.watcher.infrastructure.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import nym.watcher.domain.CursorKey;
import nym.watcher.domain.CursorRepository;
import nym.watcher.domain.WatchCursor;
import nym.watcher.domain.WatcherException;

/**
 * Cursors in the {@code watcher_cursor} table (sql/ V3). Plain JDBC rather than JPA: the one operation that matters
 * is a single compare-and-set statement, which needs no entity state, runs unchanged inside the container (outside
 * any transaction: each statement commits on its own) and in tests against the same PostgreSQL.
 */
public final class JdbcCursorRepository implements CursorRepository {

    private final DataSource dataSource;

    public JdbcCursorRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<WatchCursor> find(CursorKey key) {
        String sql =
                "SELECT next_block, last_block_hash FROM watcher_cursor WHERE watcher = ? AND chain = ? AND token = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bindKey(s, key, 1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new WatchCursor(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean advance(CursorKey key, Optional<WatchCursor> expected, WatchCursor next) {
        String sql = expected.isEmpty()
                ? "INSERT INTO watcher_cursor (next_block, last_block_hash, watcher, chain, token, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING"
                : "UPDATE watcher_cursor SET next_block = ?, last_block_hash = ?, updated_at = now()"
                        + " WHERE watcher = ? AND chain = ? AND token = ? AND next_block = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, next.nextBlock());
            s.setString(2, next.lastBlockHash());
            bindKey(s, key, 3);
            if (expected.isPresent()) {
                s.setLong(6, expected.get().nextBlock());
            }
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void bindKey(PreparedStatement s, CursorKey key, int first) throws SQLException {
        s.setString(first, key.watcher());
        s.setString(first + 1, key.chain());
        s.setString(first + 2, key.token());
    }

    private static WatcherException unavailable(SQLException e) {
        return new WatcherException(WatcherException.Kind.CURSOR_UNAVAILABLE, e.getMessage(), e);
    }
}
