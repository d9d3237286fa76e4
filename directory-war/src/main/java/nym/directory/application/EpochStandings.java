package nym.directory.application;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nym.directory.api.EpochDocument;

/**
 * Reads the ledger's standing of an epoch's nodes for one instance's document rounds, and decides when a document must
 * wait for it (issue 21). The ledger fixes the active set and performance of epoch e when it settles e − 1, before the
 * document of e is due; when the record is late:
 *
 * <ul>
 *   <li>admission {@code stake} builds no document until the record exists (the active set is the record);
 *   <li>{@code open} and {@code approved} wait until start(e) − lead/2, then build without scores (every performance
 *       null), and say so in the log.
 * </ul>
 *
 * <p>An unreachable ledger counts as a late record. Checking another's document waits (the round is retried, nothing
 * is refused) while this authority cannot read what the document relies on: its scores, or under {@code stake} its
 * active set. A document without scores under {@code open}/{@code approved} is what a builder without the ledger
 * makes, so an authority without the ledger signs it (the threshold cannot be checked then): the network keeps its
 * documents while the ledger is down. Each wait is logged once per epoch and
 * reason, so the rounds every second do not flood the log.
 */
final class EpochStandings {

    private static final Logger LOG = Logger.getLogger(EpochStandings.class.getName());

    private final StakeService stake;
    private final Map<Long, String> lastLogged = new ConcurrentHashMap<>();
    private final AtomicBoolean lengthWarned = new AtomicBoolean();

    EpochStandings(StakeService stake) {
        this.stake = stake;
    }

    /** The standing to build {@code epoch}'s document with, or empty when the document must wait. */
    Optional<EpochStanding> forBuild(long epoch, long now, EpochSchedule schedule, AdmissionPolicy policy) {
        Optional<StakeRules> rules;
        Optional<ActiveSet> record;
        try {
            rules = stake.rules();
            if (rules.isEmpty()) {
                if (policy.activeSetOnly()) {
                    logOnce(epoch, "admission is stake but the ledger has no stake: no document of epoch " + epoch);
                    return Optional.empty();
                }
                return Optional.of(EpochStanding.UNSCORED);
            }
            warnIfLengthDiffers(rules.get(), schedule);
            record = stake.activeSet(epoch);
        } catch (StakeLedgerUnavailable e) {
            return withoutRecord(epoch, now, schedule, policy, Optional.empty(), e.getMessage());
        }
        if (record.isPresent()) {
            return Optional.of(new EpochStanding(record, rules.get().scoreThreshold(), policy.activeSetOnly()));
        }
        return withoutRecord(
                epoch, now, schedule, policy, rules, "the ledger has not fixed the active set of epoch " + epoch);
    }

    private Optional<EpochStanding> withoutRecord(
            long epoch,
            long now,
            EpochSchedule schedule,
            AdmissionPolicy policy,
            Optional<StakeRules> rules,
            String why) {
        if (policy.activeSetOnly()) {
            logOnce(epoch, "waiting to build the document of epoch " + epoch + " (admission stake): " + why);
            return Optional.empty();
        }
        long deadline = schedule.start(epoch) - schedule.lead() / 2;
        if (now < deadline) {
            logOnce(epoch, "waiting until " + deadline + " for the ledger's scores of epoch " + epoch + ": " + why);
            return Optional.empty();
        }
        LOG.warning(() -> "building the document of epoch " + epoch + " without scores (performance null): " + why);
        return Optional.of(new EpochStanding(
                Optional.empty(), rules.map(StakeRules::scoreThreshold).orElse(0), false));
    }

    /**
     * The standing to check {@code d} against, or empty when this authority cannot yet read what it needs (the ledger
     * unreachable, or the record not fixed yet while the document relies on it): the next round retries.
     */
    Optional<EpochStanding> forCheck(long epoch, EpochDocument d, AdmissionPolicy policy) {
        try {
            Optional<StakeRules> rules = stake.rules();
            if (rules.isEmpty()) {
                return Optional.of(new EpochStanding(Optional.empty(), 0, policy.activeSetOnly()));
            }
            Optional<ActiveSet> record = stake.activeSet(epoch);
            if (record.isEmpty() && (hasScores(d) || (policy.activeSetOnly() && listsAny(d)))) {
                logOnce(
                        epoch,
                        "not checking the document of epoch " + epoch
                                + " yet: the ledger has not fixed its active set here");
                return Optional.empty();
            }
            return Optional.of(new EpochStanding(record, rules.get().scoreThreshold(), policy.activeSetOnly()));
        } catch (StakeLedgerUnavailable e) {
            if (!policy.activeSetOnly() && !hasScores(d)) {
                // what a builder makes when it cannot reach the ledger either: signing it keeps the network running
                logOnce(
                        epoch,
                        "checking the document of epoch " + epoch + " without the ledger's scores: " + e.getMessage());
                return Optional.of(EpochStanding.UNSCORED);
            }
            logOnce(epoch, "not checking the document of epoch " + epoch + " yet: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Drops what was logged for epochs before {@code epoch}. */
    void forgetBefore(long epoch) {
        lastLogged.keySet().removeIf(e -> e < epoch);
    }

    /** True if any listed node carries a performance. */
    static boolean hasScores(EpochDocument d) {
        return performances(d).anyMatch(p -> p != null);
    }

    private static boolean listsAny(EpochDocument d) {
        return performances(d).anyMatch(p -> true);
    }

    private static Stream<Integer> performances(EpochDocument d) {
        Stream<Integer> mixnodes = d.mixnodes() == null
                ? Stream.empty()
                : d.mixnodes().stream()
                        .filter(l -> l.nodes() != null)
                        .flatMap(l -> l.nodes().stream())
                        .map(EpochDocument.Mixnode::performance);
        Stream<Integer> gateways =
                d.gateways() == null ? Stream.empty() : d.gateways().stream().map(EpochDocument.Gateway::performance);
        return Stream.concat(mixnodes, gateways);
    }

    private void warnIfLengthDiffers(StakeRules rules, EpochSchedule schedule) {
        if (rules.epochSeconds() * 1000 != schedule.lengthMillis() && lengthWarned.compareAndSet(false, true)) {
            LOG.warning(() -> "the ledger's epochs last " + rules.epochSeconds() + " s but this directory's "
                    + schedule.lengthMillis() / 1000 + " s: the active sets it fixes are for other epochs");
        }
    }

    private void logOnce(long epoch, String message) {
        if (!message.equals(lastLogged.put(epoch, message))) {
            LOG.info(message);
        }
    }
}
