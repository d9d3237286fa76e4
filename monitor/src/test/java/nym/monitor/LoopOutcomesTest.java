package nym.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import nym.client.runtime.LoopListener;
import nym.client.runtime.LoopListener.LoopSent;
import org.junit.jupiter.api.Test;

/** {@link EpochSchedule} and the samples {@link LoopOutcomes} keeps per epoch. */
class LoopOutcomesTest {

    /** L = 120 s, loop timeout 20 s: w = min(20 s, 7.5 s) = 7.5 s, samples in [start, start + 52.5 s). */
    private static final EpochSchedule SCHEDULE = EpochSchedule.of(120, Duration.ofSeconds(20));

    private static final long E = 1000;
    private static final long START = E * 120_000;

    private static LoopSent loop(long id, long epoch, long sentAt) {
        return new LoopSent(id, List.of("m1", "m2", "m3"), "gw", epoch, sentAt);
    }

    @Test
    void schedule_epochsWindowAndReportTime() {
        assertEquals(7_500, SCHEDULE.waitMillis());
        assertEquals(E, SCHEDULE.epochAt(START + 119_999));
        assertEquals(START + 60_000, SCHEDULE.reportAt(E));
        assertEquals(START + 75_000, SCHEDULE.settleAt(E), "5L/8: the ledger's settlement");
        assertTrue(SCHEDULE.isSample(START));
        assertTrue(SCHEDULE.isSample(START + 52_499));
        assertTrue(!SCHEDULE.isSample(START + 52_500));
        assertTrue(!SCHEDULE.isSample(START + 60_000), "the second half of an epoch measures nothing");
        assertEquals(E, SCHEDULE.nextReportEpoch(START + 59_999));
        assertEquals(E + 1, SCHEDULE.nextReportEpoch(START + 60_000));
        assertEquals(
                1_000, EpochSchedule.of(3600, Duration.ofSeconds(1)).waitMillis(), "the loop timeout when shorter");
        assertThrows(IllegalArgumentException.class, () -> new EpochSchedule(120_000, 7_501));
    }

    @Test
    void take_returnedBeforeTheReportCountsAsBackTheRestAsLost() {
        LoopOutcomes outcomes = new LoopOutcomes(SCHEDULE);
        LoopListener client = outcomes.listenerFor(1);
        client.sent(loop(1, E, START + 1_000));
        client.sent(loop(2, E, START + 2_000));
        client.sent(loop(3, E, START + 3_000));
        client.returned(1);
        client.expired(2);

        List<RouteOutcome> taken = outcomes.take(E);

        assertEquals(3, taken.size());
        assertEquals(1, taken.stream().filter(RouteOutcome::returned).count());
        assertEquals(List.of("m1", "m2", "m3", "gw"), taken.get(0).nodes(), "the mix nodes and the gateway");
        client.returned(3);
        assertEquals(List.of(), outcomes.take(E), "taken once; a loop back after the report no longer counts");
    }

    @Test
    void sentAfterTheSamplingIntervalOrOverAnotherEpochsDocument_notASample() {
        LoopOutcomes outcomes = new LoopOutcomes(SCHEDULE);
        LoopListener client = outcomes.listenerFor(1);
        client.sent(loop(1, E, START + 55_000));
        client.sent(loop(2, E - 1, START + 500));
        client.returned(1);
        client.returned(2);

        assertEquals(List.of(), outcomes.take(E));
    }

    @Test
    void loopIdsOfDifferentClients_keptApartAndEpochsApart() {
        LoopOutcomes outcomes = new LoopOutcomes(SCHEDULE);
        outcomes.listenerFor(1).sent(loop(5, E, START + 10));
        outcomes.listenerFor(2).sent(loop(5, E, START + 20));
        outcomes.listenerFor(2).sent(loop(6, E + 1, START + 120_000 + 10));
        outcomes.listenerFor(2).returned(5);
        outcomes.listenerFor(2).returned(6);

        List<RouteOutcome> first = outcomes.take(E);
        assertEquals(2, first.size());
        assertEquals(1, first.stream().filter(RouteOutcome::returned).count(), "client 1's loop 5 is not back");
        assertEquals(1, outcomes.take(E + 1).size());
    }
}
