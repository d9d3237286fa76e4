package nym.directory.api;

import java.util.Map;

/**
 * An accepted {@link MixMetrics} as the directory serves it ({@code GET /api/metrics/mixes} and the {@code /ws}
 * stream).
 *
 * @param identityKey the reporting mix node
 * @param received packets received in the window
 * @param sent packets sent in the window (all next hops together)
 * @param dropped packets dropped in the window, by reason
 * @param intervalMillis the window's length
 * @param acceptedAt when the directory accepted it, milliseconds since the epoch
 */
public record MixMetricsReport(
        String identityKey,
        long received,
        long sent,
        Map<String, Long> dropped,
        long intervalMillis,
        long acceptedAt) {}
