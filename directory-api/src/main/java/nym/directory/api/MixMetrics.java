package nym.directory.api;

import java.util.Map;

/**
 * One metrics window of a mix node's traffic ({@code POST /api/metrics/mixes}), signed by its identity key. Aggregates
 * only: no per-link (next hop) split and no client ids or counts, so that a published report cannot trace one user's
 * traffic; nodes report once per window (default 60 s).
 *
 * @param identityKey the reporting mix node
 * @param received packets received in the window
 * @param sent packets sent in the window, all next hops together
 * @param dropped packets dropped in the window, by reason ({@code lower_snake} names, e.g. {@code replay}; reasons
 *     with no drop may be left out)
 * @param intervalMillis the window's length
 */
public record MixMetrics(
        String identityKey, Long received, Long sent, Map<String, Long> dropped, Long intervalMillis) {}
