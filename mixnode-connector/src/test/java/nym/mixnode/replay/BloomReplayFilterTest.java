package nym.mixnode.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BloomReplayFilterTest {

    private static byte[] tag(Random random) {
        byte[] t = new byte[16];
        random.nextBytes(t);
        return t;
    }

    @Test
    void designed_defaultsForOneHourEpochs_67MegabytesAndTwentyPositions() {
        long capacity = ReplayFilterSettings.DEFAULTS.capacityFor(3_600_000);

        assertEquals(5_000L * (3_600 + 120), capacity);
        long bits = BloomReplayFilter.bitsFor(capacity, 1e-6);
        assertEquals(66_856_000, bits / 8, 1_000, "bytes at the defaults (README)");
        assertEquals(0, bits % 64);
        BloomReplayFilter small = BloomReplayFilter.designed(1, 10_000, 1e-6);
        assertEquals(20, small.hashes());
    }

    @Test
    void capacityFor_shortEpochs_graceIsAQuarterEpoch() {
        assertEquals(5_000 * 12_500 / 1_000, ReplayFilterSettings.DEFAULTS.capacityFor(10_000));
        assertEquals(120_000, ReplayFilterSettings.graceMillis(3_600_000));
        assertEquals(2_500, ReplayFilterSettings.graceMillis(10_000));
    }

    @Test
    void firstSeen_sameTagTwice_secondIsReplay() {
        BloomReplayFilter filter = BloomReplayFilter.designed(1, 1_000, 1e-6);
        byte[] t = tag(new Random(1));

        assertTrue(filter.firstSeen(t));
        assertFalse(filter.firstSeen(t.clone()));
        assertEquals(1, filter.inserted());
    }

    /**
     * At its designed count the filter takes fresh tags for replays at about the configured rate (statistical, fixed
     * seed): p = 1e-3 so the count is measurable; 20,000 fresh probes raise the load by 2 %, which moves the rate by
     * under 15 %. Expected ≈ 21 false positives; the bounds are about ±2.5 standard deviations.
     */
    @Test
    void firstSeen_atDesignedLoad_falsePositiveRateNearTheTarget() {
        int n = 1_000_000;
        double p = 1e-3;
        BloomReplayFilter filter = BloomReplayFilter.designed(1, n, p);
        Random random = new Random(42);
        int fillingRefusals = 0;
        for (int i = 0; i < n; i++) {
            fillingRefusals += filter.firstSeen(tag(random)) ? 0 : 1;
        }
        double fill = filter.fillRatio();
        double expected = filter.expectedFalsePositiveRate();
        boolean saturatedAtCapacity = filter.saturated();
        int probes = 20_000;
        int falsePositives = 0;
        for (int i = 0; i < probes; i++) {
            falsePositives += filter.firstSeen(tag(random)) ? 0 : 1;
        }

        assertEquals(0.5, fill, 0.01, "about half the bits set at the designed count");
        assertEquals(p, expected, p * 0.25);
        assertTrue(falsePositives >= 10 && falsePositives <= 35, "false positives: " + falsePositives);
        assertTrue(fillingRefusals < n * p, "fewer while filling: " + fillingRefusals);
        assertFalse(saturatedAtCapacity);
        assertTrue(filter.saturated(), "past its capacity after the probes");
    }

    @Test
    void firstSeen_pastItsCapacity_keepsAcceptingFreshTagsAndReportsSaturation() {
        BloomReplayFilter filter = BloomReplayFilter.designed(1, 1_000, 1e-6);
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < 2_000; i++) {
            refused += filter.firstSeen(tag(random)) ? 0 : 1;
        }

        assertTrue(filter.saturated());
        assertTrue(refused < 10, "a filter at twice its load still takes fresh packets: " + refused + " refused");
        assertTrue(filter.expectedFalsePositiveRate() > 1e-6);
    }

    /** Two workers opening copies of one packet at the same moment: exactly one copy is fresh, every round. */
    @Test
    void firstSeen_sameTagFromTwoThreadsAtOnce_exactlyOneFresh() throws Exception {
        BloomReplayFilter filter = BloomReplayFilter.designed(1, 10_000, 1e-6);
        Random random = new Random(3);
        for (int round = 0; round < 500; round++) {
            byte[] t = tag(random);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger fresh = new AtomicInteger();
            Thread[] threads = new Thread[2];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (filter.firstSeen(t.clone())) {
                        fresh.incrementAndGet();
                    }
                });
                threads[i].start();
            }
            go.countDown();
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(1, fresh.get(), "round " + round);
        }
    }

    @Test
    void bitsFor_absurdLoad_refusedWithTheMemoryItWouldTake() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> BloomReplayFilter.bitsFor(Long.MAX_VALUE / 64, 1e-9));
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    }
}
