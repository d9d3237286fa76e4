package nym.mixnode.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayFilterSettingsTest {

    @Test
    void defaults_asDocumented() {
        assertEquals(5_000, ReplayFilterSettings.DEFAULTS.peakPacketsPerSecond());
        assertEquals(1e-6, ReplayFilterSettings.DEFAULTS.falsePositiveRate());
        assertEquals(Duration.ofSeconds(10), ReplayFilterSettings.DEFAULTS.persistInterval());
    }

    @Test
    void constructor_outOfRange_refusedNamingTheKey() {
        ReplayFilterSettings d = ReplayFilterSettings.DEFAULTS;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withPeakPacketsPerSecond(0))
                .getMessage()
                .contains("replay_peak_packets_per_second"));
        assertThrows(IllegalArgumentException.class, () -> d.withFalsePositiveRate(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withFalsePositiveRate(1))
                .getMessage()
                .contains("replay_false_positive_rate"));
        assertThrows(IllegalArgumentException.class, () -> d.withPersistInterval(Duration.ZERO));
    }
}
