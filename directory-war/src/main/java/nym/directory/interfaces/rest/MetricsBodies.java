package nym.directory.interfaces.rest;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nym.directory.api.MixMetrics;

/** Checks a {@link MixMetrics} body's counts; every refusal is a 400 problem naming the field. */
final class MetricsBodies {

    /** Drop reasons a node may report: its own names, {@code lower_snake}. */
    static final int MAX_DROP_REASONS = 32;

    static final long MAX_INTERVAL_MILLIS = 3_600_000;

    private static final Pattern REASON = Pattern.compile("^[a-z][a-z0-9_]{0,31}$");

    /** The counts of one window, checked. */
    record Counts(long received, long sent, Map<String, Long> dropped, long intervalMillis) {}

    private MetricsBodies() {}

    static Counts check(MixMetrics m) {
        if (m.received() == null || m.received() < 0) {
            throw new ProblemException(400, "received must be a count >= 0");
        }
        long sent = m.sent() == null ? 0 : m.sent();
        if (sent < 0) {
            throw new ProblemException(400, "sent must be a count >= 0 (all next hops together)");
        }
        long interval = m.intervalMillis() == null ? 0 : m.intervalMillis();
        if (interval < 0 || interval > MAX_INTERVAL_MILLIS) {
            throw new ProblemException(400, "intervalMillis must be 0.." + MAX_INTERVAL_MILLIS);
        }
        Map<String, Long> dropped = new TreeMap<>();
        if (m.dropped() != null) {
            if (m.dropped().size() > MAX_DROP_REASONS) {
                throw new ProblemException(400, "dropped has more than " + MAX_DROP_REASONS + " reasons");
            }
            for (Map.Entry<String, Long> e : m.dropped().entrySet()) {
                if (!REASON.matcher(e.getKey()).matches()) {
                    throw new ProblemException(400, "dropped reasons are lower_snake names of at most 32 characters");
                }
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new ProblemException(400, "dropped counts must be >= 0");
                }
                dropped.put(e.getKey(), e.getValue());
            }
        }
        return new Counts(m.received(), sent, dropped, interval);
    }
}
