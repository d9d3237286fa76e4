package nym.ledger.tx.stake;

/**
 * Mixnet epochs on ledger block time (ms): epoch e is [e·L, (e+1)·L) seconds, L = {@code StakeParams.epoch_seconds}.
 * Monitors measure in the first half, report until the settlement point start(e) + 5L/8, when the ledger settles e.
 * In milliseconds 5L/8 s is exactly 625·L, so every boundary is an integer.
 */
public record StakeEpochs(long epochSeconds) {

    public StakeEpochs {
        if (epochSeconds < 1) {
            throw new IllegalArgumentException("epoch_seconds must be at least 1");
        }
    }

    public long lengthMs() {
        return Math.multiplyExact(epochSeconds, 1000L);
    }

    /** The epoch containing block time {@code timeMs}. */
    public long epochAt(long timeMs) {
        return Math.floorDiv(timeMs, lengthMs());
    }

    public long startMs(long epoch) {
        return Math.multiplyExact(epoch, lengthMs());
    }

    /** End of the measurement window (exclusive): start + L/2. */
    public long windowEndMs(long epoch) {
        return startMs(epoch) + 500L * epochSeconds;
    }

    /** The settlement point of {@code epoch}: start + 5L/8. */
    public long settleMs(long epoch) {
        return startMs(epoch) + 625L * epochSeconds;
    }

    /** The newest epoch whose settlement point is at or before {@code timeMs}, or -1 when there is none. */
    public long newestSettleable(long timeMs) {
        long shifted = timeMs - 625L * epochSeconds;
        return shifted < 0 ? -1 : Math.floorDiv(shifted, lengthMs());
    }

    /** Whether a report for {@code epoch} is taken at block time {@code timeMs}: start(e) ≤ t < settle(e). */
    public boolean reportWindowOpen(long epoch, long timeMs) {
        return timeMs >= startMs(epoch) && timeMs < settleMs(epoch);
    }
}
