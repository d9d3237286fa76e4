package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import nym.directory.domain.metrics.MetricsReport;
import nym.directory.domain.metrics.MetricsRepository;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.NodeState;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Accepts authenticated mix metrics (per-window aggregates) and serves the last complete window. */
@ApplicationScoped
public class MetricsService {

    /** A window of reports {@code [from, to)}. */
    public record Window(long from, long to, List<MetricsReport> reports) {}

    @Inject
    NodeRepository nodes;

    @Inject
    MetricsRepository metrics;

    @Inject
    TrafficHistoryService history;

    @Inject
    DirectoryConfig config;

    @Inject
    Event<MetricsAccepted> accepted;

    /** {@code nym_directory_metrics_reports_accepted_total}. */
    @Inject
    MetricRegistry registry;

    private final Clock clock = Clock.systemUTC();

    /** @throws RequestRejected if the key is no mix node, banned, or the timestamp is not newer than its last */
    @Transactional
    public MetricsReport accept(
            String identityKey,
            long received,
            long sent,
            java.util.Map<String, Long> dropped,
            long intervalMillis,
            long signedAt) {
        if (!nodes.advanceMetricsTimestamp(identityKey, signedAt)) {
            NodeState state = nodes.state(identityKey)
                    .orElseThrow(() -> new RequestRejected(
                            RequestRejected.Reason.UNKNOWN_NODE, "identityKey has no accepted mix node presence"));
            if (state.banned()) {
                throw new RequestRejected(
                        RequestRejected.Reason.BANNED, "identityKey is banned by the directory's operator");
            }
            if (state.kind() != nym.directory.domain.node.NodeKind.MIXNODE) {
                throw new RequestRejected(
                        RequestRejected.Reason.CONFLICT,
                        "identityKey is registered as a " + state.kind().column() + "; only mix nodes report metrics");
            }
            throw new RequestRejected(
                    RequestRejected.Reason.REPLAYED,
                    "timestamp " + signedAt + " is not newer than this node's last accepted metrics report ("
                            + state.lastMetricsTimestamp() + "): replayed?");
        }
        MetricsReport report = new MetricsReport(identityKey, received, sent, dropped, intervalMillis, clock.millis());
        metrics.store(report);
        history.record(report);
        accepted.fire(new MetricsAccepted(report));
        registry.counter("nym.directory.metrics.reports.accepted").inc();
        return report;
    }

    /** Reports accepted in the last complete window; windows are aligned to multiples of their length. */
    public Window lastCompleteWindow() {
        long length = config.metricsWindowMillis();
        long to = Math.floorDiv(clock.millis(), length) * length;
        long from = to - length;
        return new Window(from, to, metrics.acceptedBetween(from, to));
    }

    @Transactional
    public int deleteExpired() {
        return metrics.deleteAcceptedBefore(clock.millis() - config.metricsRetentionMillis());
    }
}
