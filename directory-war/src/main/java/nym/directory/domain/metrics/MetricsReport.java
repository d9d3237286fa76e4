package nym.directory.domain.metrics;

import java.util.Map;

/**
 * An accepted mix metrics report: one window's aggregates (no per-link split, no client ids or counts); times in ms
 * since the epoch.
 *
 * @param dropped packets dropped in the window, by reason
 */
public record MetricsReport(
        String identityKey,
        long received,
        long sent,
        Map<String, Long> dropped,
        long intervalMillis,
        long acceptedAt) {}
