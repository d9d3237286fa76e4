package nym.mixnode.metrics;

import java.util.List;

/**
 * The replay filters of the Sphinx keys in use, read at one scrape (local metrics endpoint only: they follow the
 * node's traffic, so they are not published to the directory).
 *
 * @param filters one per key packets are tried with (current, previous in grace, next)
 * @param refusedFiles filter files refused at start (corrupt or of another key) since the node started
 */
public record ReplayFilterGauges(List<Filter> filters, long refusedFiles) {

    public static final ReplayFilterGauges NONE = new ReplayFilterGauges(List.of(), 0);

    public ReplayFilterGauges {
        filters = List.copyOf(filters);
    }

    /**
     * One key's filter.
     *
     * @param keyEpoch the epoch of the key
     * @param fillRatio the fraction of its bits set
     * @param expectedFalsePositiveRate the chance a fresh packet is taken for a replay now (fill^k)
     * @param inserted fresh packets recorded
     * @param capacity the count it is designed for
     * @param saturated more than {@code capacity} recorded
     */
    public record Filter(
            long keyEpoch,
            double fillRatio,
            double expectedFalsePositiveRate,
            long inserted,
            long capacity,
            boolean saturated) {}
}
