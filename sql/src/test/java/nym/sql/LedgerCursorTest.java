package nym.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import nym.ledger.jca.EventId;
import nym.ledger.jca.JdbcEventCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger adapter's consumer cursors on the migrated ledger_cursor table of a real PostgreSQL. */
class LedgerCursorTest {

    @RegisterExtension
    final TestDatabase db = TestDatabase.migrated("nym_cursor_");

    @Test
    void lastDelivered_nothingRecorded_empty() {
        assertEquals(Optional.empty(), new JdbcEventCursor(db.dataSource(), "issuer/1").lastDelivered());
    }

    @Test
    void record_laterIds_moveTheCursorInChainOrder() {
        JdbcEventCursor cursor = new JdbcEventCursor(db.dataSource(), "issuer/1");
        cursor.record(new EventId(5, 0, 1));
        assertEquals(Optional.of(new EventId(5, 0, 1)), cursor.lastDelivered());
        cursor.record(new EventId(5, 1, 0));
        assertEquals(Optional.of(new EventId(5, 1, 0)), cursor.lastDelivered());
        cursor.record(new EventId(12, 0, 0));
        assertEquals(Optional.of(new EventId(12, 0, 0)), cursor.lastDelivered());
    }

    @Test
    void record_earlierOrSameId_cursorNeverMovesBack() {
        JdbcEventCursor cursor = new JdbcEventCursor(db.dataSource(), "verifier/2");
        cursor.record(new EventId(7, 2, 3));
        cursor.record(new EventId(7, 2, 2));
        cursor.record(new EventId(6, 9, 9));
        cursor.record(new EventId(7, 2, 3));
        assertEquals(Optional.of(new EventId(7, 2, 3)), cursor.lastDelivered());
    }

    @Test
    void record_twoConsumers_eachKeepsItsOwnRow() {
        JdbcEventCursor issuer = new JdbcEventCursor(db.dataSource(), "issuer/1");
        JdbcEventCursor verifier = new JdbcEventCursor(db.dataSource(), "verifier/1");
        issuer.record(new EventId(3, 0, 0));
        verifier.record(new EventId(9, 1, 0));
        assertEquals(Optional.of(new EventId(3, 0, 0)), issuer.lastDelivered());
        assertEquals(Optional.of(new EventId(9, 1, 0)), verifier.lastDelivered());
    }
}
