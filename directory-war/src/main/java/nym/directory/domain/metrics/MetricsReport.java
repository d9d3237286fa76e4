package nym.directory.domain.metrics;

import java.util.Map;

/** An accepted mix metrics report; times in ms since the epoch. */
public record MetricsReport(
        String identityKey, long received, Map<String, Long> sent, long intervalMillis, long acceptedAt) {}
