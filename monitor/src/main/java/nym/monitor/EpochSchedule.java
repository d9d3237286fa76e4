package nym.monitor;

import java.time.Duration;

/**
 * The monitor's timing within the network's epochs (epoch e = [e·L, (e+1)·L) ms since the Unix epoch, L the
 * authorities' {@code epoch_seconds}, as clients and the ledger count them). The measurement window of epoch e is
 * [start(e), start(e) + L/2); its samples are the loops sent in [start(e), start(e) + L/2 − w) with w = min(loop
 * timeout, L/16), so that each sample has had at least w to come back when the report is made at start(e) + L/2. The
 * ledger accepts the report until start(e) + 5L/8.
 */
public record EpochSchedule(long epochMillis, long waitMillis) {

    public EpochSchedule {
        if (epochMillis < 16 || waitMillis <= 0 || waitMillis > epochMillis / 16) {
            throw new IllegalArgumentException("an epoch of at least 16 ms and a wait in (0, L/16]");
        }
    }

    /** The schedule of epochs of {@code epochSeconds} for loops that time out after {@code loopTimeout}. */
    public static EpochSchedule of(long epochSeconds, Duration loopTimeout) {
        long epoch = Math.multiplyExact(epochSeconds, 1000L);
        return new EpochSchedule(epoch, Math.min(loopTimeout.toMillis(), epoch / 16));
    }

    public long epochAt(long millis) {
        return Math.floorDiv(millis, epochMillis);
    }

    public long start(long epoch) {
        return epoch * epochMillis;
    }

    /** The end of the measurement window, when the report is made. */
    public long reportAt(long epoch) {
        return start(epoch) + epochMillis / 2;
    }

    /** When the ledger settles the epoch and stops taking its reports. */
    public long settleAt(long epoch) {
        return start(epoch) + epochMillis * 5 / 8;
    }

    /** True when a loop sent at {@code sentMillis} is one of the samples of its epoch. */
    public boolean isSample(long sentMillis) {
        return sentMillis < reportAt(epochAt(sentMillis)) - waitMillis;
    }

    /** The first report time after {@code nowMillis}: the epoch it closes. */
    public long nextReportEpoch(long nowMillis) {
        long epoch = epochAt(nowMillis);
        return nowMillis < reportAt(epoch) ? epoch : epoch + 1;
    }
}
