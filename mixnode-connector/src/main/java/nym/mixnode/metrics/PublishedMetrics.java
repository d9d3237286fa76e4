package nym.mixnode.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nym.directory.api.MixMetrics;

/**
 * What a mix node tells the directory about one metrics window: received, sent and dropped-by-reason totals. Nothing
 * per link and nothing per second (the window is {@code timing.metrics_interval_ms}, default 60 s): with few users a
 * node's per-next-hop or per-second counts are one user's traffic, and the directory publishes what it gets.
 */
public final class PublishedMetrics {

    private PublishedMetrics() {}

    /**
     * @param window the counters' change over the window ({@link NodeMetrics.Snapshot#minus})
     * @param windowMillis the window's length
     */
    public static MixMetrics of(String identityKey, NodeMetrics.Snapshot window, long windowMillis) {
        Map<String, Long> dropped = new TreeMap<>();
        for (DropReason reason : DropReason.values()) {
            long n = window.dropped(reason);
            if (n != 0) {
                dropped.put(reason.name().toLowerCase(Locale.ROOT), n);
            }
        }
        return new MixMetrics(identityKey, window.received(), window.sentTotal(), dropped, windowMillis);
    }
}
