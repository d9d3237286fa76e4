package nym.it;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import nym.ledger.jca.EventId;
import nym.ledger.jca.JdbcEventCursor;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerListener;

/**
 * The test consumer (an MDB bound to the adapter by the descriptors LedgerAdapterIT writes): records every event it
 * receives, in arrival order, in the database, so the record outlives redeployments. It records every delivery,
 * duplicates included, so the test can see whether the adapter delivered anything twice. Its cursor is a row of
 * {@code ledger_cursor}, written in the same transaction as the record.
 */
public class LedgerRecorderMdb implements LedgerListener {

    @Resource(lookup = "jdbc/nym")
    private DataSource dataSource;

    @Resource(name = "subscriber")
    private String subscriber;

    public static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS ledger_it_delivery (seq bigserial PRIMARY KEY, subscriber text NOT NULL, "
                            + "event_id text NOT NULL, event_type text NOT NULL, tx_hash text NOT NULL, delivered_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    private JdbcEventCursor cursor() {
        return new JdbcEventCursor(dataSource, "ledger-it/" + subscriber);
    }

    @Override
    public Optional<EventId> lastDelivered() {
        return cursor().lastDelivered();
    }

    @Override
    public void onEvent(LedgerEvent event) {
        cursor().record(event.id());
        try (Connection c = dataSource.getConnection()) {
            createTable(c);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO ledger_it_delivery (subscriber, event_id, event_type, tx_hash) VALUES (?, ?, ?, ?)")) {
                p.setString(1, subscriber);
                p.setString(2, event.id().toString());
                p.setString(3, event.type());
                p.setString(4, event.txHash());
                p.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record ledger event " + event.id(), e);
        }
    }
}
