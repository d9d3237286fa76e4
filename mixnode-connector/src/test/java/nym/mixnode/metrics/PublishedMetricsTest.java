package nym.mixnode.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import nym.directory.api.Json;
import nym.directory.api.MixMetrics;
import org.junit.jupiter.api.Test;

/** A published window carries totals only: no next hop, nothing per second. */
class PublishedMetricsTest {

    @Test
    void of_windowWithTrafficToSeveralHops_totalsAndDropsByReasonOnly() {
        NodeMetrics metrics = new NodeMetrics();
        NodeMetrics.Snapshot start = metrics.snapshot();
        for (int i = 0; i < 5; i++) {
            metrics.received();
        }
        for (int i = 0; i < 3; i++) {
            metrics.sent();
        }
        metrics.dropped(DropReason.REPLAY);
        metrics.dropped(DropReason.UNKNOWN_NEXT_HOP, 2);

        MixMetrics published = PublishedMetrics.of("node", metrics.snapshot().minus(start), 60_000);

        assertEquals(new MixMetrics("node", 5L, 3L, Map.of("replay", 1L, "unknown_next_hop", 2L), 60_000L), published);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = Json.read(Json.write(published), Map.class);
        assertEquals(Set.of("identityKey", "received", "sent", "dropped", "intervalMillis"), json.keySet());
        assertFalse(new String(Json.write(published), StandardCharsets.UTF_8).contains(":1789"));
    }

    @Test
    void of_secondWindow_onlyWhatHappenedSinceTheFirst() {
        NodeMetrics metrics = new NodeMetrics();
        metrics.received();
        metrics.sent();
        NodeMetrics.Snapshot firstWindow = metrics.snapshot();
        metrics.received();

        MixMetrics second = PublishedMetrics.of("node", metrics.snapshot().minus(firstWindow), 60_000);

        assertEquals(new MixMetrics("node", 1L, 0L, Map.of(), 60_000L), second);
    }
}
