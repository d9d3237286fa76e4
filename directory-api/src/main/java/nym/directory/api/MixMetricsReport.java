package nym.directory.api;

import java.util.Map;

/**
 * An accepted {@link MixMetrics} as the directory serves it ({@code GET /api/metrics/mixes} and the {@code /ws}
 * stream).
 *
 * @param identityKey the reporting mix node
 * @param received packets received in the interval
 * @param sent packets sent per next hop
 * @param intervalMillis the interval's length
 * @param acceptedAt when the directory accepted it, milliseconds since the epoch
 */
public record MixMetricsReport(
        String identityKey, long received, Map<String, Long> sent, long intervalMillis, long acceptedAt) {}
