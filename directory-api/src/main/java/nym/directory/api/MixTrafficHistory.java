package nym.directory.api;

import java.util.List;
import java.util.Map;

/**
 * Mix traffic over the last minutes as the directory keeps it ({@code GET /api/metrics/history}): per-minute sums of the
 * reports accepted in each minute, and each node's totals over the whole range. Aggregates only: no per-link split, no
 * client ids.
 *
 * @param from start of the oldest bucket, milliseconds since the epoch
 * @param to end of the newest bucket (the minute running now, so its sums still grow)
 * @param bucketMillis length of a bucket (60,000)
 * @param node the identity key the history is limited to, or null for every node
 * @param buckets one per minute, oldest first, zero where no report arrived
 * @param nodes every node with a report in the range, by identity key
 */
public record MixTrafficHistory(
        long from, long to, long bucketMillis, String node, List<Bucket> buckets, List<NodeTraffic> nodes) {

    /**
     * The sums of one minute.
     *
     * @param start the minute's start, milliseconds since the epoch
     * @param reports how many reports were accepted in it
     */
    public record Bucket(long start, int reports, long received, long sent, Map<String, Long> dropped) {}

    /**
     * One node's totals over the range.
     *
     * @param reliability {@code sent / (sent + dropped)} over the range: the share of the packets it handled that it
     *     forwarded; null when it neither sent nor dropped any
     */
    public record NodeTraffic(
            String identityKey, long received, long sent, Map<String, Long> dropped, Double reliability) {}
}
