package nym.directory.api;

import java.util.List;

/**
 * {@code GET /api/metrics/mixes}: the reports accepted in the last complete metrics window {@code [from, to)}
 * (windows are aligned to multiples of their length since the epoch), oldest first.
 */
public record MixMetricsWindow(long from, long to, List<MixMetricsReport> reports) {}
