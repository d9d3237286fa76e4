package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.directory.api.MixTrafficHistory;
import nym.directory.api.MixTrafficHistory.Bucket;
import nym.directory.domain.metrics.MetricsReport;
import nym.directory.domain.metrics.TrafficMinute;
import org.junit.jupiter.api.Test;

/** Reports summed per node and minute, the served range zero-filled, totals and reliability per node, retention. */
class TrafficHistoryServiceTest {

    /** 10:00:30 on some day: inside the minute starting at {@link #MINUTE}. */
    private static final long NOW = 1_800_000_000_000L + 30_000;

    private static final long MINUTE = NOW - 30_000;

    private final InMemoryTrafficHistory store = new InMemoryTrafficHistory();
    private final TrafficHistoryService service =
            InMemoryTrafficHistory.serviceOver(store, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void lastMinutes_reportsOfTwoNodes_summedPerMinuteAndPerNode() {
        service.record(report("a", 6000, 5900, Map.of("replay", 100L), NOW - 20_000));
        service.record(report("a", 3000, 2800, Map.of("replay", 50L, "unknown_key", 150L), NOW - 10_000));
        service.record(report("b", 1200, 1200, Map.of(), NOW - 60_000));

        MixTrafficHistory h = service.lastMinutes(3, Optional.empty());

        assertEquals(MINUTE - 120_000, h.from());
        assertEquals(MINUTE + 60_000, h.to());
        assertEquals(
                List.of(
                        new Bucket(MINUTE - 120_000, 0, 0, 0, Map.of()),
                        new Bucket(MINUTE - 60_000, 1, 1200, 1200, Map.of()),
                        new Bucket(MINUTE, 2, 9000, 8700, Map.of("replay", 150L, "unknown_key", 150L))),
                h.buckets());
        assertEquals(
                List.of(
                        new MixTrafficHistory.NodeTraffic(
                                "a", 9000, 8700, Map.of("replay", 150L, "unknown_key", 150L), 8700.0 / 9000),
                        new MixTrafficHistory.NodeTraffic("b", 1200, 1200, Map.of(), 1.0)),
                h.nodes());
    }

    @Test
    void lastMinutes_oneNode_onlyItsMinutes() {
        service.record(report("a", 10, 10, Map.of(), NOW));
        service.record(report("b", 20, 18, Map.of("replay", 2L), NOW));

        MixTrafficHistory h = service.lastMinutes(1, Optional.of("b"));

        assertEquals("b", h.node());
        assertEquals(List.of(new Bucket(MINUTE, 1, 20, 18, Map.of("replay", 2L))), h.buckets());
        assertEquals(0.9, h.nodes().get(0).reliability(), 1e-9);
    }

    @Test
    void lastMinutes_reportOlderThanTheRange_leftOut() {
        service.record(report("a", 10, 10, Map.of(), NOW - 61 * 60_000));

        MixTrafficHistory h = service.lastMinutes(60, Optional.empty());

        assertEquals(60, h.buckets().size());
        assertEquals(0, h.buckets().stream().mapToLong(Bucket::received).sum());
        assertEquals(List.of(), h.nodes());
    }

    @Test
    void aggregate_nodeThatNeitherSentNorDropped_hasNoReliability() {
        MixTrafficHistory h = TrafficAggregation.aggregate(
                MINUTE, 1, null, List.of(new TrafficMinute(MINUTE, "idle", 1, 5, 0, Map.of())));

        assertNull(h.nodes().get(0).reliability());
    }

    @Test
    void aggregate_rowsOutsideTheRange_ignored() {
        MixTrafficHistory h = TrafficAggregation.aggregate(
                MINUTE,
                1,
                null,
                List.of(
                        new TrafficMinute(MINUTE - 60_000, "a", 1, 5, 5, Map.of()),
                        new TrafficMinute(MINUTE + 60_000, "a", 1, 7, 7, Map.of())));

        assertEquals(List.of(new Bucket(MINUTE, 0, 0, 0, Map.of())), h.buckets());
    }

    @Test
    void minuteOf_alignsToTheMinuteStart() {
        assertEquals(MINUTE, TrafficAggregation.minuteOf(NOW));
        assertEquals(MINUTE, TrafficAggregation.minuteOf(MINUTE));
        assertEquals(-60_000, TrafficAggregation.minuteOf(-1));
    }

    @Test
    void lastMinutes_outsideOneToSixty_refused() {
        for (int bad : new int[] {0, -1, 61}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> service.lastMinutes(bad, Optional.empty()));
            assertEquals("minutes must be 1..60, not " + bad, e.getMessage());
        }
    }

    @Test
    void deleteExpired_minutesOlderThanTwoHoursGo() {
        service.record(report("a", 1, 1, Map.of(), NOW - 2 * 3_600_000 - 60_000));
        service.record(report("a", 1, 1, Map.of(), NOW - 2 * 3_600_000 + 60_000));

        assertEquals(1, service.deleteExpired());
        assertEquals(1, store.size());
    }

    private static MetricsReport report(
            String node, long received, long sent, Map<String, Long> dropped, long acceptedAt) {
        return new MetricsReport(node, received, sent, dropped, 60_000, acceptedAt);
    }
}
