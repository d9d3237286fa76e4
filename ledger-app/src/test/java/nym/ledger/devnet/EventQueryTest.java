package nym.ledger.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nym.ledger.LedgerException;
import org.junit.jupiter.api.Test;

class EventQueryTest {
    private static final Map<String, List<String>> TX = Map.of(
            "tm.event", List.of("Tx"),
            "tx.height", List.of("42"),
            "redeem.zeta", List.of("abcd"),
            "redeem.value", List.of("20", "5"));

    @Test
    void matches_equalityAndAnd_allConditionsMustHold() {
        assertTrue(EventQuery.parse("tm.event='Tx' AND redeem.zeta='abcd'").matches(TX));
        assertTrue(EventQuery.parse("tm.event = 'Tx'").matches(TX));
        assertFalse(EventQuery.parse("tm.event='NewBlock'").matches(TX));
        assertFalse(EventQuery.parse("tm.event='Tx' AND redeem.zeta='x'").matches(TX));
    }

    @Test
    void matches_numericComparisons_compareAsNumbers() {
        assertTrue(EventQuery.parse("tx.height > 1").matches(TX));
        assertTrue(EventQuery.parse("tx.height >= 42 AND tx.height <= 42").matches(TX));
        assertFalse(EventQuery.parse("tx.height < 42").matches(TX));
        assertTrue(EventQuery.parse("tx.height = 42").matches(TX));
        assertTrue(EventQuery.parse("redeem.value > 10").matches(TX)); // any value
    }

    @Test
    void matches_containsAndExists() {
        assertTrue(EventQuery.parse("redeem.zeta CONTAINS 'bc'").matches(TX));
        assertTrue(EventQuery.parse("redeem.zeta EXISTS").matches(TX));
        assertFalse(EventQuery.parse("credential_request.value EXISTS").matches(TX));
    }

    @Test
    void parse_malformed_failsLikeCometBft() {
        LedgerException e = assertThrows(LedgerException.class, () -> EventQuery.parse("malformed query"));
        assertTrue(e.getMessage().startsWith("failed to parse query: offset 10:"), e.getMessage());
        assertThrows(LedgerException.class, () -> EventQuery.parse("a='x' OR b='y'"));
        assertThrows(LedgerException.class, () -> EventQuery.parse("a='x"));
        assertThrows(LedgerException.class, () -> EventQuery.parse(""));
        assertEquals("tm.event='Tx'", EventQuery.parse("tm.event='Tx'").source());
    }
}
