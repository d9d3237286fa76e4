package nym.issuer.interfaces.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nym.issuer.domain.CredentialRequest;
import nym.ledger.jca.EventAttribute;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import org.junit.jupiter.api.Test;

class CredentialRequestEventTest {
    private static final String REQUEST_ID = "0123456789ABCDEF".repeat(4);
    private static final String REQUESTER = "0x" + "1f".repeat(20);

    private static LedgerEvent event(String requestId, String requester, String value, String payload) {
        return event(requestId, requester, value, payload, "3");
    }

    private static LedgerEvent event(
            String requestId, String requester, String value, String payload, String keyEpoch) {
        List<EventAttribute> attributes = new ArrayList<>();
        add(attributes, "request_id", requestId);
        add(attributes, "requester", requester);
        add(attributes, "value", value);
        add(attributes, "blind_sign_request", payload);
        add(attributes, "key_epoch", keyEpoch);
        return new LedgerEvent(new EventId(7, 1, 0), REQUEST_ID, "credential_request", attributes);
    }

    private static void add(List<EventAttribute> attributes, String key, String value) {
        if (value != null) {
            attributes.add(new EventAttribute(key, value, true));
        }
    }

    @Test
    void parse_ledgersForm_request() {
        CredentialRequest r = CredentialRequestEvent.parse(event(REQUEST_ID, REQUESTER, "10", "AQID"))
                .orElseThrow();

        assertEquals(REQUEST_ID, r.requestId());
        assertEquals("7/1/0", r.eventId());
        assertEquals(REQUESTER, r.requester());
        assertEquals(10, r.value());
        assertArrayEquals(new byte[] {1, 2, 3}, r.payload());
        assertEquals(3, r.keyEpoch());
    }

    @Test
    void parse_emptyPayload_requestForTheIssuerToRefuse() {
        assertEquals(
                0,
                CredentialRequestEvent.parse(event(REQUEST_ID, REQUESTER, "10", ""))
                        .orElseThrow()
                        .payload()
                        .length);
    }

    @Test
    void parse_attributeMissingOrNotInTheLedgersForm_empty() {
        List<LedgerEvent> bad = List.of(
                event(null, REQUESTER, "10", "AQID"),
                event(REQUEST_ID.toLowerCase(), REQUESTER, "10", "AQID"),
                event(REQUEST_ID.substring(2), REQUESTER, "10", "AQID"),
                event(REQUEST_ID, "0x1234", "10", "AQID"),
                event(REQUEST_ID, REQUESTER, "-1", "AQID"),
                event(REQUEST_ID, REQUESTER, "1e3", "AQID"),
                event(REQUEST_ID, REQUESTER, "9".repeat(19), "AQID"),
                event(REQUEST_ID, REQUESTER, "10", "not base64!"),
                event(REQUEST_ID, REQUESTER, "10", null),
                event(REQUEST_ID, REQUESTER, "10", "AQID", null),
                event(REQUEST_ID, REQUESTER, "10", "AQID", "0"),
                event(REQUEST_ID, REQUESTER, "10", "AQID", "-2"),
                event(REQUEST_ID, REQUESTER, "10", "AQID", "one"));
        for (LedgerEvent e : bad) {
            assertTrue(CredentialRequestEvent.parse(e).isEmpty(), e.attributes().toString());
        }
    }
}
