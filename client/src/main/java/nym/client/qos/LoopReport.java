package nym.client.qos;

import java.util.Map;

/**
 * A snapshot of {@link LoopStatistics}. Totals are over the client's lifetime; {@code reliability} and the round-trip
 * times (milliseconds, NaN when nothing has finished yet) are over the last {@code windowFinished} finished loops.
 */
public record LoopReport(
        long sent,
        long returned,
        long lost,
        long pending,
        long unknown,
        int windowFinished,
        double reliability,
        double rttMeanMillis,
        double rttMedianMillis,
        double rttP95Millis,
        Map<String, NodeCounts> perNode) {

    /** Loops that crossed one mix node: sent over it, returned, lost. */
    public record NodeCounts(long sent, long returned, long lost) {}

    /** One line for the CLI. */
    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "loops sent=%d returned=%d lost=%d pending=%d reliability=%.3f rtt mean=%.1fms p50=%.1fms p95=%.1fms",
                sent,
                returned,
                lost,
                pending,
                reliability,
                rttMeanMillis,
                rttMedianMillis,
                rttP95Millis);
    }
}
