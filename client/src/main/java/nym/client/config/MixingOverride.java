package nym.client.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import nym.client.topology.Mixing;

/**
 * Mixing parameters a client's configuration sets itself instead of taking the epoch document's. Empty by default:
 * every client of a network then sends alike, which is what hides a user among the others. A value set here makes
 * the client's traffic differ from everyone else's (its gateway and link observers can tell); it exists for tests and
 * experiments.
 */
public record MixingOverride(
        Optional<Duration> averageHopDelay,
        OptionalDouble payloadRate,
        OptionalDouble loopRate,
        OptionalDouble dropRate) {

    /** Nothing overridden: the document's values. */
    public static final MixingOverride NONE = new MixingOverride(
            Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    /** Every value overridden by {@code m}. */
    public static MixingOverride all(Mixing m) {
        return new MixingOverride(
                Optional.of(m.meanHopDelay()),
                OptionalDouble.of(m.payloadRate()),
                OptionalDouble.of(m.loopRate()),
                OptionalDouble.of(m.dropRate()));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The document's parameters with the overridden ones replaced. */
    public Mixing applyTo(Mixing document) {
        return new Mixing(
                averageHopDelay.orElse(document.meanHopDelay()),
                payloadRate.orElse(document.payloadRate()),
                loopRate.orElse(document.loopRate()),
                dropRate.orElse(document.dropRate()));
    }
}
