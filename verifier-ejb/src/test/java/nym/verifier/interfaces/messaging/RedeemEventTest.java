package nym.verifier.interfaces.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nym.ledger.jca.EventAttribute;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.verifier.domain.Deposit;
import org.junit.jupiter.api.Test;

class RedeemEventTest {
    private static final String ID = "89ABCDEF01234567".repeat(4);
    private static final String PROVIDER = "0x" + "c3".repeat(20);
    private static final String ZETA = "a1".repeat(48);

    private static LedgerEvent event(String id, String provider, String zeta, String value, String credential) {
        List<EventAttribute> attributes = new ArrayList<>();
        String[][] pairs = {
            {"deposit_id", id}, {"provider", provider}, {"zeta", zeta}, {"value", value}, {"credential", credential}
        };
        for (String[] p : pairs) {
            if (p[1] != null) {
                attributes.add(new EventAttribute(p[0], p[1], true));
            }
        }
        return new LedgerEvent(new EventId(12, 0, 1), ID, "redeem", attributes);
    }

    @Test
    void parse_ledgersForm_deposit() {
        Deposit d = RedeemEvent.parse(event(ID, PROVIDER, ZETA, "20", "AQID")).orElseThrow();

        assertEquals(ID, d.depositId());
        assertEquals("12/0/1", d.eventId());
        assertEquals(PROVIDER, d.provider());
        assertEquals(ZETA, d.zeta());
        assertEquals(20, d.value());
        assertArrayEquals(new byte[] {1, 2, 3}, d.credential());
    }

    @Test
    void parse_attributeMissingOrNotInTheLedgersForm_empty() {
        List<LedgerEvent> bad = List.of(
                event(null, PROVIDER, ZETA, "20", "AQID"),
                event(ID.toLowerCase(), PROVIDER, ZETA, "20", "AQID"),
                event(ID, PROVIDER.toUpperCase(), ZETA, "20", "AQID"),
                event(ID, PROVIDER, ZETA.substring(2), "20", "AQID"),
                event(ID, PROVIDER, ZETA.toUpperCase(), "20", "AQID"),
                event(ID, PROVIDER, ZETA, "", "AQID"),
                event(ID, PROVIDER, ZETA, "20", "%%"),
                event(ID, PROVIDER, ZETA, "20", null));
        for (LedgerEvent e : bad) {
            assertTrue(RedeemEvent.parse(e).isEmpty(), e.attributes().toString());
        }
    }
}
