package nym.directory.api;

import java.util.Map;

/**
 * One interval of a mix node's traffic ({@code POST /api/metrics/mixes}), signed by its identity key.
 *
 * @param identityKey the reporting mix node
 * @param received packets received in the interval
 * @param sent packets sent in the interval, per next hop ({@code host:port})
 * @param intervalMillis the interval's length
 */
public record MixMetrics(String identityKey, Long received, Map<String, Long> sent, Long intervalMillis) {}
