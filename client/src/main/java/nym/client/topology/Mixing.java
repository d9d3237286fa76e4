package nym.client.topology;

import java.time.Duration;
import nym.directory.api.EpochDocument;

/**
 * The mixing parameters a client uses in an epoch: Loopix's 1/μ as the mean delay per mix hop and λ as the rates of the
 * three Poisson streams. They come from the epoch document, so every client of the network sends alike; a client's
 * configuration may override them (ClientConfig.Traffic), which makes that client stand out.
 *
 * @param meanHopDelay mean of the exponential delay drawn for each mix hop
 * @param payloadRate λP, packets per second
 * @param loopRate λL, packets per second
 * @param dropRate λD, packets per second
 */
public record Mixing(Duration meanHopDelay, double payloadRate, double loopRate, double dropRate) {

    public static Mixing of(EpochDocument.Mixing m) {
        return new Mixing(Duration.ofMillis(m.meanHopDelayMillis()), m.payloadRate(), m.loopRate(), m.dropRate());
    }
}
