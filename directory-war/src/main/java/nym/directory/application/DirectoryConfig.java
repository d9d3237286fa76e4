package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The directory's settings (MicroProfile Config: system properties, environment, or Payara's config sources). */
@ApplicationScoped
public class DirectoryConfig {

    @Inject
    @ConfigProperty(name = "nym.directory.presence.expiry-seconds", defaultValue = "10")
    int expirySeconds;

    @Inject
    @ConfigProperty(name = "nym.directory.signature.window-seconds", defaultValue = "5")
    int signatureWindowSeconds;

    @Inject
    @ConfigProperty(name = "nym.directory.mix-layers", defaultValue = "3")
    int mixLayers;

    @Inject
    @ConfigProperty(name = "nym.directory.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "nym.directory.topology.refresh-millis", defaultValue = "1000")
    long topologyRefreshMillis;

    @Inject
    @ConfigProperty(name = "nym.directory.metrics.window-seconds", defaultValue = "60")
    int metricsWindowSeconds;

    @Inject
    @ConfigProperty(name = "nym.directory.metrics.retention-seconds", defaultValue = "300")
    int metricsRetentionSeconds;

    @Inject
    @ConfigProperty(name = "nym.directory.ws.max-pending", defaultValue = "64")
    int wsMaxPending;

    public long expiryMillis() {
        return expirySeconds * 1000L;
    }

    public long signatureWindowMillis() {
        return signatureWindowSeconds * 1000L;
    }

    public int mixLayers() {
        return mixLayers;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public long topologyRefreshMillis() {
        return topologyRefreshMillis;
    }

    public long metricsWindowMillis() {
        return metricsWindowSeconds * 1000L;
    }

    public long metricsRetentionMillis() {
        return metricsRetentionSeconds * 1000L;
    }

    /** Outstanding messages to one WebSocket subscriber before it counts as slow and is disconnected. */
    public int wsMaxPending() {
        return wsMaxPending;
    }
}
