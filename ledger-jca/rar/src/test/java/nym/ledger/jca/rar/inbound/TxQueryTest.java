package nym.ledger.jca.rar.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nym.ledger.jca.EventAttribute;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import org.junit.jupiter.api.Test;

class TxQueryTest {

    private static LedgerEvent event(String type, String... keyValues) {
        List<EventAttribute> attributes = new java.util.ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            attributes.add(new EventAttribute(keyValues[i], keyValues[i + 1], true));
        }
        return new LedgerEvent(new EventId(1, 0, 0), "AB", type, attributes);
    }

    @Test
    void matches_exists_onlyTransactionsWithThatAttribute() throws Exception {
        TxQuery q = TxQuery.parse("redeem.deposit_id EXISTS");

        assertTrue(q.matches(List.of(event("transfer", "amount", "1"), event("redeem", "deposit_id", "d1"))));
        assertFalse(q.matches(List.of(event("redeem", "zeta", "z"))));
        assertFalse(q.matches(List.of(event("other", "deposit_id", "d1"))));
    }

    @Test
    void matches_equalsAndTmEvent_everyConditionOnSomeEvent() throws Exception {
        TxQuery q = TxQuery.parse("tm.event = 'Tx' AND transfer.recipient = '0xab AND cd' AND transfer.amount EXISTS");

        assertTrue(q.matches(List.of(event("transfer", "recipient", "0xab AND cd", "amount", "5"))));
        assertFalse(q.matches(List.of(event("transfer", "recipient", "0xab", "amount", "5"))));
    }

    @Test
    void subscription_tmEventAddedOnce() throws Exception {
        assertEquals("tm.event='Tx' AND a.b EXISTS", TxQuery.parse("a.b EXISTS").subscription());
        assertEquals(
                "tm.event = 'Tx' AND a.b EXISTS",
                TxQuery.parse("tm.event = 'Tx' AND a.b EXISTS").subscription());
    }

    @Test
    void parse_unsupportedForm_configurationError() {
        for (String q : List.of("tx.height > 5", "a.b CONTAINS 'x'", "tm.event = 'Tx'", "a.b EXISTS OR c.d EXISTS")) {
            LedgerException e = assertThrows(LedgerException.class, () -> TxQuery.parse(q), q);
            assertEquals(LedgerException.Kind.CONFIGURATION, e.kind());
        }
    }
}
