package nym.directory.application;

import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.directory.api.LayerAssignment;

/**
 * What every authority must agree on to build and check the same document: the schedule, the network's name (the
 * layer seed), the number of mix layers and the mixing parameters.
 */
public record EpochRules(EpochSchedule schedule, String network, int layers, EpochDocument.Mixing mixing) {

    public EpochRules {
        if (layers < 1) {
            throw new IllegalArgumentException("mix layers must be positive, not " + layers);
        }
    }

    public byte[] seed(long epoch) {
        return LayerAssignment.seed(network, epoch);
    }

    /** The seed as the document carries it. */
    public String seedText(long epoch) {
        return Keys.encode(seed(epoch));
    }
}
