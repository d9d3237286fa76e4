package nym.monitor;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the monitor does at the end of each epoch's measurement window: the epoch's samples through the estimator,
 * the scores to the ledger, one line for the log (nodes measured, samples, the lowest scores by identity prefix, the
 * transaction). Nodes are named by the first 8 characters of their identity keys; no client appears.
 */
public final class EpochReporter {

    /** Lowest scores named in the log line. */
    static final int LOWEST_SHOWN = 3;

    private final EpochSchedule schedule;
    private final LoopOutcomes outcomes;
    private final ReliabilityEstimator estimator;
    private final ReportSubmitter submitter;

    public EpochReporter(
            EpochSchedule schedule, LoopOutcomes outcomes, ReliabilityEstimator estimator, ReportSubmitter submitter) {
        this.schedule = schedule;
        this.outcomes = outcomes;
        this.estimator = estimator;
        this.submitter = submitter;
    }

    /** Measures and reports {@code epoch}; the log line. */
    public String report(long epoch) throws InterruptedException {
        List<RouteOutcome> samples = outcomes.take(epoch);
        List<NodeScore> scores = estimator.estimate(samples);
        String measured = "epoch " + epoch + ": " + scores.size() + " nodes measured from " + samples.size()
                + " samples (" + samples.stream().filter(RouteOutcome::returned).count() + " returned)";
        if (scores.isEmpty()) {
            return measured + "; no node on enough of them: nothing reported";
        }
        String lowest = scores.stream()
                .sorted(Comparator.comparingInt(NodeScore::performance).thenComparing(NodeScore::identity))
                .limit(LOWEST_SHOWN)
                .map(s -> s.identity().substring(0, Math.min(8, s.identity().length())) + "=" + s.performance())
                .collect(Collectors.joining(" "));
        return measured + "; lowest " + lowest + "; "
                + submitter.submit(epoch, scores, schedule.settleAt(epoch)).summary();
    }
}
