package nym.mixnode.replay;

import java.time.Duration;

/**
 * How the replay filter of each Sphinx key is sized and saved ({@code config.toml}: {@code
 * limits.replay_peak_packets_per_second}, {@code limits.replay_false_positive_rate}, {@code
 * timing.replay_persist_interval_ms}).
 *
 * @param peakPacketsPerSecond the highest rate the node is built for; a key takes packets for one epoch and its grace,
 *     so its filter is designed for this rate over that whole time ({@link #capacityFor})
 * @param falsePositiveRate the chance that a fresh packet is taken for a replay once the filter holds its designed
 *     count (lower while it fills)
 * @param persistInterval how often each filter is written to disk; a crash loses at most this much of its memory
 */
public record ReplayFilterSettings(int peakPacketsPerSecond, double falsePositiveRate, Duration persistInterval) {

    public static final ReplayFilterSettings DEFAULTS = new ReplayFilterSettings(5_000, 1e-6, Duration.ofSeconds(10));

    /** The longest grace of a previous epoch's key (the shared schedule: G = min(L / 4, 120 s)). */
    private static final long MAX_GRACE_MILLIS = 120_000;

    public ReplayFilterSettings {
        if (peakPacketsPerSecond < 1) {
            throw new IllegalArgumentException("limits.replay_peak_packets_per_second must be at least 1");
        }
        if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("limits.replay_false_positive_rate must be in (0, 1)");
        }
        if (persistInterval == null || persistInterval.isNegative() || persistInterval.isZero()) {
            throw new IllegalArgumentException("timing.replay_persist_interval_ms must be positive");
        }
    }

    /** The key grace G = min(L / 4, 120 s) for epochs of {@code epochMillis}. */
    public static long graceMillis(long epochMillis) {
        return Math.min(epochMillis / 4, MAX_GRACE_MILLIS);
    }

    /** The packets one key's filter is designed for: the peak rate over an epoch and its grace, L + G. */
    public long capacityFor(long epochMillis) {
        long lifetimeMillis = epochMillis + graceMillis(epochMillis);
        return Math.max(1, Math.multiplyExact((long) peakPacketsPerSecond, lifetimeMillis) / 1000);
    }

    public ReplayFilterSettings withPeakPacketsPerSecond(int v) {
        return new ReplayFilterSettings(v, falsePositiveRate, persistInterval);
    }

    public ReplayFilterSettings withFalsePositiveRate(double v) {
        return new ReplayFilterSettings(peakPacketsPerSecond, v, persistInterval);
    }

    public ReplayFilterSettings withPersistInterval(Duration v) {
        return new ReplayFilterSettings(peakPacketsPerSecond, falsePositiveRate, v);
    }
}
