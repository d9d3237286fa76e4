package nym.directory.domain.metrics;

import java.util.Map;

/**
 * One node's traffic summed over the reports the directory accepted in one minute (tables {@code mix_traffic_minute},
 * {@code mix_drop_minute}).
 *
 * @param minuteStart the minute's start, milliseconds since the epoch (a multiple of 60,000)
 * @param dropped packets dropped, by reason
 */
public record TrafficMinute(
        long minuteStart, String identityKey, int reports, long received, long sent, Map<String, Long> dropped) {}
