package nym.client.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import nym.client.testing.Topologies;
import nym.client.topology.MixTopology;
import nym.client.topology.Mixing;
import nym.client.topology.Route;
import nym.client.topology.RouteSelector;
import org.junit.jupiter.api.Test;

/**
 * The per-hop delays (mean from the epoch document's mixing parameters) and the streams' gaps are exponential with
 * that mean, at full resolution.
 */
class DelayDistributionTest {

    private static final int SAMPLES = 60_000;

    @Test
    void hopDelays_seededDraws_exponentialWithTheTopologysMeanAndNotTruncated() {
        Duration mean = Duration.ofMillis(70);
        RouteSelector selector = new RouteSelector(new SplittableRandom(42));
        MixTopology topology = MixTopology.from(Topologies.of(2, 1)).withMixing(new Mixing(mean, 1, 1, 1));
        long[] delays = new long[SAMPLES];
        for (int i = 0; i < SAMPLES / 3; i++) {
            Route route = selector.select(topology, topology.gateways().get(0));
            for (int hop = 0; hop < 3; hop++) {
                delays[i * 3 + hop] = route.hops().get(hop).delayNanos();
            }
        }
        assertExponential(delays, mean.toNanos());
    }

    @Test
    void poissonGaps_seededDraws_exponentialWithMeanOneOverRate() {
        PoissonStream stream = new PoissonStream("test", 20.0, new SplittableRandom(3), () -> {});
        long[] gaps = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            gaps[i] = stream.nextGapNanos();
        }
        assertExponential(gaps, 50_000_000L);
    }

    /**
     * Mean within 2% (the standard error is mean/√n ≈ 0.4%), the survival function at 0.5, 1, 2 and 3 means within
     * 0.01 of e^-x, and no truncation: sub-millisecond parts are spread as for a continuous variable.
     */
    private static void assertExponential(long[] samples, long meanNanos) {
        double mean = Arrays.stream(samples).average().orElseThrow();
        assertEquals(meanNanos, mean, meanNanos * 0.02);
        for (double x : new double[] {0.5, 1, 2, 3}) {
            long above = Arrays.stream(samples).filter(d -> d > x * meanNanos).count();
            assertEquals(Math.exp(-x), (double) above / samples.length, 0.01, "survival at " + x + " means");
        }
        long belowOneMs = Arrays.stream(samples).filter(d -> d < 1_000_000).count();
        assertTrue(belowOneMs > 0, "some delays are below one millisecond");
        long wholeMillis =
                Arrays.stream(samples).filter(d -> d % 1_000_000 == 0).count();
        assertTrue(wholeMillis < samples.length / 100, "delays are not rounded to milliseconds: " + wholeMillis);
    }
}
