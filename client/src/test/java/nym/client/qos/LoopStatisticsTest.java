package nym.client.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopStatisticsTest {

    private static final long MS = 1_000_000L;

    @Test
    void returned_sentLoop_roundTripTimeAndPerNodeCounts() {
        LoopStatistics stats = new LoopStatistics(Duration.ofSeconds(1), 10);
        stats.sent(1, List.of("a", "b", "c"), 0);
        assertEquals(Duration.ofMillis(120), stats.returned(1, 120 * MS).orElseThrow());
        LoopReport r = stats.report();
        assertEquals(1, r.returned());
        assertEquals(1.0, r.reliability());
        assertEquals(120.0, r.rttMedianMillis());
        assertEquals(new LoopReport.NodeCounts(1, 1, 0), r.perNode().get("b"));
    }

    @Test
    void expire_loopOlderThanTimeout_lostAndChargedToItsNodes() {
        LoopStatistics stats = new LoopStatistics(Duration.ofMillis(500), 10);
        stats.sent(1, List.of("a", "x", "c"), 0);
        stats.sent(2, List.of("a", "b", "c"), 100 * MS);
        stats.returned(2, 200 * MS);
        assertEquals(List.of(), stats.expire(499 * MS));
        assertEquals(0, stats.report().lost(), "not yet timed out");
        assertEquals(List.of(1L), stats.expire(500 * MS), "the lost loop's id, for a loop listener");
        LoopReport r = stats.report();
        assertEquals(1, r.lost());
        assertEquals(0.5, r.reliability());
        assertEquals(new LoopReport.NodeCounts(1, 0, 1), r.perNode().get("x"));
        assertEquals(new LoopReport.NodeCounts(1, 1, 0), r.perNode().get("b"));
        assertEquals(new LoopReport.NodeCounts(2, 1, 1), r.perNode().get("a"));
    }

    @Test
    void returned_unknownOrAlreadyLostLoop_countedAsUnknownOnly() {
        LoopStatistics stats = new LoopStatistics(Duration.ofMillis(10), 10);
        stats.sent(1, List.of("a"), 0);
        stats.expire(20 * MS);
        assertTrue(stats.returned(1, 30 * MS).isEmpty());
        assertTrue(stats.returned(99, 30 * MS).isEmpty());
        LoopReport r = stats.report();
        assertEquals(2, r.unknown());
        assertEquals(0, r.returned());
    }

    @Test
    void report_window_reliabilityRecoversAfterOldLossesLeaveTheWindow() {
        LoopStatistics stats = new LoopStatistics(Duration.ofMillis(10), 4);
        for (int i = 0; i < 4; i++) {
            stats.sent(i, List.of("dead"), 0);
        }
        stats.expire(10 * MS);
        assertEquals(0.0, stats.report().reliability());
        for (int i = 10; i < 14; i++) {
            stats.sent(i, List.of("alive"), 20 * MS);
            stats.returned(i, 25 * MS);
        }
        LoopReport r = stats.report();
        assertEquals(1.0, r.reliability());
        assertEquals(4, r.lost(), "lifetime totals keep the losses");
    }
}
