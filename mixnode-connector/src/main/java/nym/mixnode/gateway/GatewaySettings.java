package nym.mixnode.gateway;

import java.time.Duration;

/**
 * How a gateway serves its clients (config keys in the module README, section "Gateway").
 *
 * @param maxClients registrations accepted at most ({@code limits.max_clients})
 * @param inboxIdleExpiry a registration and inbox whose client was not active this long are deleted
 *     ({@code timing.inbox_idle_expiry_ms})
 * @param downlinkCellsPerSecond cells each open session gets, whatever waits ({@code timing.downlink_cells_per_second})
 * @param resendAfter an unacknowledged message is sent again after this long ({@code timing.ack_timeout_ms})
 */
public record GatewaySettings(
        int maxClients, Duration inboxIdleExpiry, double downlinkCellsPerSecond, Duration resendAfter) {

    public static final GatewaySettings DEFAULTS =
            new GatewaySettings(10_000, Duration.ofDays(7), 10.0, Duration.ofSeconds(5));

    public GatewaySettings {
        if (maxClients < 1) {
            throw new IllegalArgumentException("max clients must be at least 1");
        }
        if (!(downlinkCellsPerSecond >= 0.1 && downlinkCellsPerSecond <= 10_000)) {
            throw new IllegalArgumentException("the downlink rate must be within 0.1..10000 cells per second");
        }
        if (inboxIdleExpiry == null
                || resendAfter == null
                || inboxIdleExpiry.isNegative()
                || inboxIdleExpiry.isZero()
                || resendAfter.isNegative()
                || resendAfter.isZero()) {
            throw new IllegalArgumentException("the idle expiry and the ack timeout must be positive");
        }
    }

    /** Time between two downlink cells of one session. */
    public long downlinkIntervalNanos() {
        return Math.round(1e9 / downlinkCellsPerSecond);
    }

    public GatewaySettings withMaxClients(int v) {
        return new GatewaySettings(v, inboxIdleExpiry, downlinkCellsPerSecond, resendAfter);
    }

    public GatewaySettings withInboxIdleExpiry(Duration v) {
        return new GatewaySettings(maxClients, v, downlinkCellsPerSecond, resendAfter);
    }

    public GatewaySettings withDownlinkCellsPerSecond(double v) {
        return new GatewaySettings(maxClients, inboxIdleExpiry, v, resendAfter);
    }

    public GatewaySettings withResendAfter(Duration v) {
        return new GatewaySettings(maxClients, inboxIdleExpiry, downlinkCellsPerSecond, v);
    }
}
