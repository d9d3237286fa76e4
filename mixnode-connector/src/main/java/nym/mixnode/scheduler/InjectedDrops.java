package nym.mixnode.scheduler;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Fault injection ({@code [testing] drop_probability}): decides, packet by packet and independently, whether a mix
 * node drops a packet it would forward, so that tests and demonstrations can run a node that loses a known share of
 * its traffic, as a broken or dishonest node would, and watch the network monitors find it.
 */
public final class InjectedDrops {

    /** No fault: every packet goes on. */
    public static final InjectedDrops NONE = new InjectedDrops(0.0, () -> 1.0);

    private final double probability;
    private final DoubleSupplier uniform;

    /**
     * @param probability the share dropped, at least 0 and below 1
     * @param uniform draws uniformly from [0, 1); called from every crypto worker thread, so thread-safe
     */
    public InjectedDrops(double probability, DoubleSupplier uniform) {
        if (!(probability >= 0.0 && probability < 1.0)) {
            throw new IllegalArgumentException("a drop probability is at least 0 and below 1, not " + probability);
        }
        this.probability = probability;
        this.uniform = uniform;
    }

    /** {@code probability} drawn with each worker thread's own generator. */
    public static InjectedDrops of(double probability) {
        return probability == 0.0
                ? NONE
                : new InjectedDrops(
                        probability, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A fresh draw for one packet: true when it is to be dropped. */
    boolean dropsNext() {
        return probability > 0.0 && uniform.getAsDouble() < probability;
    }
}
