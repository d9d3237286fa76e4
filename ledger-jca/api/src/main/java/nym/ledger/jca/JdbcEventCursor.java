package nym.ledger.jca;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A consumer's cursor (the id of the last ledger event it handled) in the table {@code ledger_cursor} (sql/ V7),
 * one row per consumer name. Use the data source of the consumer's effects, inside the delivery's container
 * transaction: the connection joins that transaction, so the cursor commits with the effect or not at all.
 *
 * <p>The row only moves forward: consumers sharing a name (instances of a group that all ignore an event) never set
 * each other back.
 */
public final class JdbcEventCursor {

    private final DataSource dataSource;
    private final String consumer;

    /** @param consumer the row's name, stable across deployments and unique per consumer and instance role */
    public JdbcEventCursor(DataSource dataSource, String consumer) {
        this.dataSource = dataSource;
        this.consumer = consumer;
    }

    public String consumer() {
        return consumer;
    }

    /** The recorded id, empty if this consumer has none. */
    public Optional<EventId> lastDelivered() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "SELECT height, tx_index, event_index FROM ledger_cursor WHERE consumer = ?")) {
            p.setString(1, consumer);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new EventId(r.getLong(1), r.getInt(2), r.getInt(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger cursor of " + consumer + ": " + e.getMessage(), e);
        }
    }

    /** Records {@code id} as delivered, unless the row is already at or after it. */
    public void record(EventId id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "INSERT INTO ledger_cursor (consumer, height, tx_index, event_index) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (consumer) DO UPDATE SET height = EXCLUDED.height, "
                                + "tx_index = EXCLUDED.tx_index, event_index = EXCLUDED.event_index, updated_at = now() "
                                + "WHERE (ledger_cursor.height, ledger_cursor.tx_index, ledger_cursor.event_index) "
                                + "< (EXCLUDED.height, EXCLUDED.tx_index, EXCLUDED.event_index)")) {
            p.setString(1, consumer);
            p.setLong(2, id.height());
            p.setInt(3, id.txIndex());
            p.setInt(4, id.eventIndex());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot record ledger event " + id + " for " + consumer + ": " + e.getMessage(), e);
        }
    }
}
