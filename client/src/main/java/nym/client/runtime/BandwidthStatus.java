package nym.client.runtime;

import java.util.Locale;
import nym.gateway.api.Authenticated;

/**
 * The client's bandwidth at its gateway.
 *
 * @param balance bytes left as the gateway last said, {@link Authenticated#UNMETERED} on a gateway that takes no
 *     credentials, {@link #UNKNOWN} before any session
 * @param noBandwidth packets the gateway dropped because the balance was too low ({@code NO_BANDWIDTH} answers)
 * @param payments credentials the gateway accepted since start
 * @param paymentFailures payments that failed (no credential, refused, ledger down) since start
 */
public record BandwidthStatus(long balance, long noBandwidth, long payments, long paymentFailures) {

    public static final long UNKNOWN = -2;

    private static final double MIB = 1024.0 * 1024.0;

    /** {@code <x.x> MiB}, {@code unmetered} or {@code unknown}: the report line's value. */
    public String text() {
        if (balance == Authenticated.UNMETERED) {
            return "unmetered";
        }
        return balance == UNKNOWN ? "unknown" : mib(balance);
    }

    /** Bytes as MiB with one decimal. */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }
}
