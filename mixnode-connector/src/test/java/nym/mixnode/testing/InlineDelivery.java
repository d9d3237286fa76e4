package nym.mixnode.testing;

import java.time.Clock;
import nym.mixnode.bandwidth.BandwidthSettings;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.gateway.ClientRegistry;
import nym.mixnode.gateway.GatewayCounters;
import nym.mixnode.gateway.GatewayDelivery;
import nym.mixnode.gateway.GatewaySettings;
import nym.mixnode.gateway.InboxStore;
import nym.mixnode.metrics.NodeMetrics;

/** A gateway's final-hop delivery that stores on the caller's thread, so a test sees the inbox right after it. */
public final class InlineDelivery {

    private InlineDelivery() {}

    public static GatewayDelivery of(ClientRegistry registry, InboxStore inboxes, NodeMetrics metrics) {
        return new GatewayDelivery(
                registry,
                inboxes,
                metrics,
                new GatewayCounters(),
                Runnable::run,
                GatewaySettings.DEFAULTS,
                Clock.systemUTC(),
                () -> 0,
                GatewayBandwidth.unmetered(BandwidthSettings.UNMETERED));
    }
}
