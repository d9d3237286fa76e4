package nym.directory.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.MixTrafficHistory;
import nym.directory.application.InMemoryTrafficHistory;
import nym.directory.domain.metrics.MetricsReport;
import org.junit.jupiter.api.Test;

/** {@code GET /api/metrics/history}: the range and node asked for; bad input a 400 problem that reads nothing. */
class MetricsHistoryResourceTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final String NODE = Ed25519Identity.generate().publicKeyText();

    private final InMemoryTrafficHistory store = new InMemoryTrafficHistory();
    private final MetricsResource resource = new MetricsResource();

    MetricsHistoryResourceTest() {
        resource.history =
                InMemoryTrafficHistory.serviceOver(store, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        store.add(NOW, new MetricsReport(NODE, 600, 590, Map.of("replay", 10L), 60_000, NOW));
    }

    @Test
    void history_defaultHour_sixtyBucketsEndingWithThisMinute() {
        MixTrafficHistory h = resource.history("60", null);

        assertEquals(60, h.buckets().size());
        assertEquals(NOW, h.buckets().get(59).start());
        assertEquals(600, h.buckets().get(59).received());
        assertEquals(NODE, h.nodes().get(0).identityKey());
    }

    @Test
    void history_ofOneNode_limitedToIt() {
        String other = Ed25519Identity.generate().publicKeyText();

        assertEquals(1, resource.history("5", NODE).nodes().size());
        assertEquals(0, resource.history("5", other).nodes().size());
        assertEquals(other, resource.history("5", other).node());
    }

    @Test
    void history_badMinutes_400() {
        for (String bad : new String[] {"0", "61", "-5", "ten", "", "1.5", "99999999999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> resource.history(bad, null), bad);
            assertEquals(400, e.status(), bad);
            assertTrue(e.getMessage().contains("minutes must be"), e.getMessage());
        }
    }

    @Test
    void history_malformedNode_400NamingIt() {
        for (String bad : new String[] {"not-a-key", NODE.substring(1), NODE + "A", ""}) {
            ProblemException e = assertThrows(ProblemException.class, () -> resource.history("60", bad), bad);
            assertEquals(400, e.status(), bad);
            assertTrue(e.getMessage().contains("node"), e.getMessage());
        }
    }
}
