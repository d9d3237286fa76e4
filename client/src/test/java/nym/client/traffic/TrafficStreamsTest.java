package nym.client.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Loopix streams on a virtual clock, seeded: each stream's inter-departure times are exponential at its rate
 * (Kolmogorov–Smirnov at the 1% level), and a user who sends all the time changes neither the loop stream nor the drop
 * stream — real messages only take the place of payload-stream drops.
 */
class TrafficStreamsTest {

    private static final TrafficStreams.Rates RATES = new TrafficStreams.Rates(20.0, 10.0, 5.0);
    /** 2,000 virtual seconds: 40,000 payload, 20,000 loop and 10,000 drop departures expected. */
    private static final long DURATION_NANOS = 2_000_000_000_000L;
    /** Two-sided 99% quantile of the standard normal: the confidence interval of a Poisson count. */
    private static final double Z_99 = 2.576;

    /** Departure times (virtual nanoseconds) by what was sent. */
    private static final class Recorder implements TrafficStreams.PacketSender {
        final List<Long> real = new ArrayList<>();
        final List<Long> loops = new ArrayList<>();
        final List<Long> drops = new ArrayList<>();
        final List<Long> all = new ArrayList<>();
        private final VirtualScheduler clock;
        private final boolean userSending;

        /** @param userSending a real message is always queued (the user sends at the payload rate λP) */
        Recorder(VirtualScheduler clock, boolean userSending) {
            this.clock = clock;
            this.userSending = userSending;
        }

        @Override
        public boolean sendQueued() {
            if (userSending) {
                record(real);
            }
            return userSending;
        }

        @Override
        public void sendLoop() {
            record(loops);
        }

        @Override
        public void sendDrop() {
            record(drops);
        }

        private void record(List<Long> kind) {
            kind.add(clock.nanoTime());
            all.add(clock.nanoTime());
        }
    }

    private static Recorder run(boolean userSending) {
        VirtualScheduler clock = new VirtualScheduler();
        Recorder recorder = new Recorder(clock, userSending);
        TrafficStreams streams = new TrafficStreams(RATES, new SplittableRandom(17)::split, recorder);
        streams.start(clock);
        clock.runFor(DURATION_NANOS);
        streams.stop();
        return recorder;
    }

    @Test
    void streams_userSendingAtThePayloadRate_eachStreamsGapsFitItsExponential() {
        Recorder sending = run(true);
        assertPoisson("payload (real messages)", sending.real, RATES.payload());
        assertPoisson("loop", sending.loops, RATES.loop());
        assertPoisson("drop", sending.drops, RATES.drop());
    }

    @Test
    void streams_idleOrSending_observerSeesOnePoissonProcessOfTheTotalRate() {
        double total = RATES.payload() + RATES.loop() + RATES.drop();
        assertPoisson("all packets, idle", sorted(run(false).all), total);
        assertPoisson("all packets, user sending", sorted(run(true).all), total);
    }

    @Test
    void streams_idle_payloadTicksSendDropsSoDropsFormOneStreamOfBothRates() {
        Recorder idle = run(false);
        assertTrue(idle.real.isEmpty());
        assertPoisson("drops (payload + drop streams)", sorted(idle.drops), RATES.payload() + RATES.drop());
    }

    @Test
    void streams_userSendingAtThePayloadRate_loopRateUnchangedWithinItsConfidenceInterval() {
        Recorder idle = run(false);
        Recorder sending = run(true);
        assertWithinConfidence("loops while sending", sending.loops.size(), RATES.loop());
        // the same seeded loop stream: not one loop moved or went missing because the user sent
        assertEquals(idle.loops, sending.loops);
    }

    @Test
    void streams_userSendingAtThePayloadRate_realMessagesReplaceOnlyPayloadStreamDrops() {
        Recorder idle = run(false);
        Recorder sending = run(true);
        TreeSet<Long> sentWhileSending = new TreeSet<>(sending.real);
        sentWhileSending.addAll(sending.drops);
        // every idle drop departure is, when the user sends, either a real message or still a drop...
        assertEquals(new TreeSet<>(idle.drops), sentWhileSending);
        // ...and the drops that stayed are exactly the drop stream's: rate λD, not λP + λD
        assertWithinConfidence("drops while sending", sending.drops.size(), RATES.drop());
        assertWithinConfidence("real messages", sending.real.size(), RATES.payload());
        assertEquals(idle.all.size(), sending.all.size(), "the user's sending added or removed no packet");
    }

    @Test
    void kolmogorovSmirnov_regularGaps_rejected() {
        double[] regular = new double[1000];
        java.util.Arrays.fill(regular, 0.1);
        double d = KolmogorovSmirnov.statisticAgainstExponential(regular, 10.0);
        assertTrue(d > KolmogorovSmirnov.criticalValue(regular.length), "D = " + d);
    }

    /** Gaps between successive departures fit Exp(rate) at the 1% level, and their count fits the rate. */
    private static void assertPoisson(String stream, List<Long> departures, double ratePerSecond) {
        double[] gapsSeconds = new double[departures.size() - 1];
        for (int i = 1; i < departures.size(); i++) {
            gapsSeconds[i - 1] = (departures.get(i) - departures.get(i - 1)) / 1e9;
        }
        double d = KolmogorovSmirnov.statisticAgainstExponential(gapsSeconds, ratePerSecond);
        double critical = KolmogorovSmirnov.criticalValue(gapsSeconds.length);
        assertTrue(d < critical, stream + ": KS D = " + d + " over the 1% critical value " + critical);
        assertWithinConfidence(stream, departures.size(), ratePerSecond);
    }

    /** A Poisson count over the run within the 99% interval λT ± 2.576 √(λT). */
    private static void assertWithinConfidence(String what, long count, double ratePerSecond) {
        double expected = ratePerSecond * DURATION_NANOS / 1e9;
        double halfWidth = Z_99 * Math.sqrt(expected);
        assertEquals(expected, count, halfWidth, what + ": " + count + " departures, expected " + expected);
    }

    private static List<Long> sorted(List<Long> times) {
        return times.stream().sorted().toList();
    }
}
