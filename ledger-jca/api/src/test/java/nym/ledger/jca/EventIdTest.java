package nym.ledger.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdTest {

    @Test
    void parse_textForm_roundTrips() {
        EventId id = new EventId(42, 3, 1);

        assertEquals("42/3/1", id.toString());
        assertEquals(id, EventId.parse("42/3/1"));
    }

    @Test
    void compareTo_ids_chainOrderHeightThenTxThenEvent() {
        List<EventId> ids = new ArrayList<>(List.of(
                new EventId(10, 0, 0),
                new EventId(2, 5, 0),
                new EventId(2, 0, 7),
                new EventId(2, 0, 1),
                new EventId(9, 1, 0)));

        ids.sort(null);

        assertEquals(
                List.of(
                        new EventId(2, 0, 1),
                        new EventId(2, 0, 7),
                        new EventId(2, 5, 0),
                        new EventId(9, 1, 0),
                        new EventId(10, 0, 0)),
                ids);
    }

    @Test
    void parse_malformed_refused() {
        for (String bad : List.of("", "1/2", "1/2/3/4", "a/0/0", "0/0/0", "1/-1/0")) {
            assertThrows(IllegalArgumentException.class, () -> EventId.parse(bad), bad);
        }
    }

    @Test
    void requireOk_refusedBroadcast_refusedKindWithLog() {
        BroadcastResult r = new BroadcastResult("AB", 4, "nym", "WRONG_NONCE: expected 3");

        LedgerException e = assertThrows(LedgerException.class, r::requireOk);

        assertEquals(LedgerException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("WRONG_NONCE"), e.getMessage());
    }
}
