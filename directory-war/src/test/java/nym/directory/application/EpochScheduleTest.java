package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochScheduleTest {

    private static final EpochSchedule HOUR = EpochSchedule.ofSeconds(3600);
    private static final EpochSchedule TEN_SECONDS = EpochSchedule.ofSeconds(10);

    @Test
    void epochAt_anyInstant_epochWhoseIntervalHoldsIt() {
        assertEquals(0, HOUR.epochAt(0));
        assertEquals(0, HOUR.epochAt(3_599_999));
        assertEquals(1, HOUR.epochAt(3_600_000));
        assertEquals(-1, HOUR.epochAt(-1), "floor, not truncation, before 1970");
    }

    @Test
    void startAndEnd_epoch_multiplesOfTheLength() {
        assertEquals(7 * 3_600_000L, HOUR.start(7));
        assertEquals(8 * 3_600_000L, HOUR.end(7));
    }

    @Test
    void graceAndLead_longEpochs_cappedAt120And300Seconds() {
        assertEquals(120_000, HOUR.grace());
        assertEquals(300_000, HOUR.lead());
        assertEquals(8 * 3_600_000L + 120_000, HOUR.validUntil(7));
    }

    @Test
    void graceAndLead_shortEpochs_aQuarterOfTheLength() {
        assertEquals(2_500, TEN_SECONDS.grace());
        assertEquals(2_500, TEN_SECONDS.lead());
        assertEquals(22_500, TEN_SECONDS.validUntil(1));
    }

    @Test
    void nextDue_beforeAndFromTheLeadWindow_falseThenTrue() {
        long nextStart = HOUR.start(5);

        assertFalse(HOUR.nextDue(nextStart - 300_001));
        assertTrue(HOUR.nextDue(nextStart - 300_000));
        assertTrue(HOUR.nextDue(nextStart - 1));
        assertFalse(HOUR.nextDue(nextStart), "at the start the next epoch became the current one");
    }

    @Test
    void constructor_nonPositiveLength_refused() {
        assertThrows(IllegalArgumentException.class, () -> new EpochSchedule(0));
    }
}
