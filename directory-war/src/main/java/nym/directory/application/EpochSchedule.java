package nym.directory.application;

/**
 * The epochs every authority, node and client computes alike from the epoch length L alone (issue 18): epoch e runs
 * [e·L, (e+1)·L) ms since the Unix epoch. Its document is built (frozen) {@link #lead()} before it starts, so nodes
 * and clients fetch it in time, and stays usable for a grace G after it ends, while packets built from it are still in
 * flight: G = min(L/4, 120 s), lead = min(L/4, 300 s).
 */
public record EpochSchedule(long lengthMillis) {

    private static final long MAX_GRACE_MILLIS = 120_000;
    private static final long MAX_LEAD_MILLIS = 300_000;

    public EpochSchedule {
        if (lengthMillis < 4) {
            throw new IllegalArgumentException("an epoch must last at least 4 ms, not " + lengthMillis);
        }
    }

    public static EpochSchedule ofSeconds(long epochSeconds) {
        return new EpochSchedule(Math.multiplyExact(epochSeconds, 1000L));
    }

    /** The epoch running at {@code nowMillis}. */
    public long epochAt(long nowMillis) {
        return Math.floorDiv(nowMillis, lengthMillis);
    }

    public long start(long epoch) {
        return Math.multiplyExact(epoch, lengthMillis);
    }

    public long end(long epoch) {
        return start(epoch + 1);
    }

    /** G: how long after its end a node still accepts packets under an epoch's key. */
    public long grace() {
        return Math.min(lengthMillis / 4, MAX_GRACE_MILLIS);
    }

    /** end + G: after this nobody may use the epoch's document. */
    public long validUntil(long epoch) {
        return end(epoch) + grace();
    }

    /** How long before its start an epoch's document is built. */
    public long lead() {
        return Math.min(lengthMillis / 4, MAX_LEAD_MILLIS);
    }

    /** True once the document of the epoch after the current one is due: from start(next) − lead. */
    public boolean nextDue(long nowMillis) {
        return nowMillis >= start(epochAt(nowMillis) + 1) - lead();
    }
}
