package nym.directory.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import nym.directory.api.MixMetrics;
import org.junit.jupiter.api.Test;

class MetricsBodiesTest {

    private static ProblemException refused(MixMetrics m) {
        ProblemException e = assertThrows(ProblemException.class, () -> MetricsBodies.check(m));
        assertEquals(400, e.status());
        return e;
    }

    @Test
    void check_windowAggregates_accepted() {
        MetricsBodies.Counts c =
                MetricsBodies.check(new MixMetrics("k", 600L, 590L, Map.of("replay", 3L, "bad_frame", 1L), 60_000L));
        assertEquals(new MetricsBodies.Counts(600, 590, Map.of("bad_frame", 1L, "replay", 3L), 60_000), c);
    }

    @Test
    void check_onlyReceived_sentAndDropsZeroOrEmpty() {
        assertEquals(
                new MetricsBodies.Counts(1, 0, Map.of(), 0),
                MetricsBodies.check(new MixMetrics("k", 1L, null, null, null)));
    }

    @Test
    void check_missingOrNegativeReceived_refused() {
        assertTrue(refused(new MixMetrics("k", null, 1L, null, 1L)).getMessage().contains("received"));
        assertTrue(refused(new MixMetrics("k", -1L, 1L, null, 1L)).getMessage().contains("received"));
    }

    @Test
    void check_negativeSent_refused() {
        assertTrue(refused(new MixMetrics("k", 1L, -1L, null, 1L)).getMessage().contains("sent"));
    }

    @Test
    void check_intervalOverAnHour_refused() {
        assertTrue(refused(new MixMetrics("k", 1L, 1L, null, 3_600_001L))
                .getMessage()
                .contains("intervalMillis"));
    }

    @Test
    void check_hostPortAsDropReason_refused() {
        // a per-link count cannot come back in through the drop map
        assertTrue(refused(new MixMetrics("k", 1L, 1L, Map.of("127.0.0.1:1790", 4L), 1L))
                .getMessage()
                .contains("lower_snake"));
    }

    @Test
    void check_negativeOrNullDropCount_refused() {
        refused(new MixMetrics("k", 1L, 1L, Map.of("replay", -1L), 1L));
        Map<String, Long> nullCount = new HashMap<>();
        nullCount.put("replay", null);
        refused(new MixMetrics("k", 1L, 1L, nullCount, 1L));
    }

    @Test
    void check_tooManyDropReasons_refused() {
        Map<String, Long> many = new HashMap<>();
        for (int i = 0; i <= MetricsBodies.MAX_DROP_REASONS; i++) {
            many.put("reason_" + i, 1L);
        }
        assertTrue(refused(new MixMetrics("k", 1L, 1L, many, 1L)).getMessage().contains("reasons"));
    }
}
