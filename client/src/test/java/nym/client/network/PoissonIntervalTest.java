package nym.client.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoissonIntervalTest {

    @Test
    void of_meanOneAtFiftyPercent_byHand() {
        // P(X ≤ 0) = e^−1 = 0.368 > 0.25; P(X ≤ 1) = 0.736 < 0.75 ≤ P(X ≤ 2) = 0.920
        assertEquals(new PoissonInterval(0, 2), PoissonInterval.of(1, 0.5));
    }

    @Test
    void of_meanHundredAtOnePerMille_quantilesOfTheExactDistribution() {
        // the 0.0005 and 0.9995 quantiles of Poisson(100), summed in 60-digit decimals
        PoissonInterval interval = PoissonInterval.of(100, 0.001);
        assertEquals(new PoissonInterval(69, 134), interval);
        assertTrue(interval.contains(69) && interval.contains(134));
        assertFalse(interval.contains(68) || interval.contains(135));
    }
}
