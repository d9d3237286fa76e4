package nym.mixnode.bandwidth;

import java.util.Objects;
import nym.coconut.setup.Parameters;

/**
 * The ledger's network parameters a gateway works with, read from {@code /params} at start.
 *
 * @param bytesPerNym bandwidth granted per NYM of credential value ({@code bandwidth_bytes_per_nym})
 * @param coconut the Coconut parameters credentials are shown under ({@code coconut.params})
 */
public record NetworkParams(long bytesPerNym, Parameters coconut) {

    /** What {@code bandwidth_bytes_per_nym} is when the genesis leaves it out: 1 MiB per NYM. */
    public static final long DEFAULT_BYTES_PER_NYM = 1_048_576;

    public NetworkParams {
        Objects.requireNonNull(coconut, "coconut");
        if (bytesPerNym < 1) {
            throw new IllegalArgumentException("bandwidth per NYM must be positive");
        }
    }
}
