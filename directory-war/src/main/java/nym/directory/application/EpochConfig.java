package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nym.directory.api.EpochDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings every authority must share for their epoch documents to agree byte for byte (MicroProfile Config):
 * each authority recomputes what another built and refuses to sign a difference.
 */
@ApplicationScoped
public class EpochConfig {

    @Inject
    @ConfigProperty(name = "nym.directory.epoch.network-name", defaultValue = "nym")
    String networkName;

    @Inject
    @ConfigProperty(name = "nym.directory.epoch.retention", defaultValue = "24")
    int retentionEpochs;

    @Inject
    @ConfigProperty(name = "nym.directory.mixing.mean-hop-delay-millis", defaultValue = "50")
    long meanHopDelayMillis;

    @Inject
    @ConfigProperty(name = "nym.directory.mixing.payload-rate", defaultValue = "2")
    double payloadRate;

    @Inject
    @ConfigProperty(name = "nym.directory.mixing.loop-rate", defaultValue = "1")
    double loopRate;

    @Inject
    @ConfigProperty(name = "nym.directory.mixing.drop-rate", defaultValue = "1")
    double dropRate;

    /** Which nodes a document may list: {@code open}, {@code approved} or {@code stake} ({@link AdmissionPolicy}). */
    @Inject
    @ConfigProperty(name = AdmissionPolicy.KEY, defaultValue = "open")
    String admission;

    /** The name in {@code LayerAssignment.seed(network, epoch)}. */
    public String networkName() {
        return networkName;
    }

    /** How many epochs' documents are kept before the current one. */
    public int retentionEpochs() {
        return retentionEpochs;
    }

    public EpochDocument.Mixing mixing() {
        return new EpochDocument.Mixing(meanHopDelayMillis, payloadRate, loopRate, dropRate);
    }

    /**
     * @throws IllegalStateException naming the key when the configured value is not a policy
     */
    public AdmissionPolicy admission() {
        return AdmissionPolicy.parse(admission);
    }
}
