package nym.provider.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The provider's settings (MicroProfile Config: system properties, environment); README has the table. */
@ApplicationScoped
public class ProviderSettings {

    @Inject
    @ConfigProperty(name = "nym.provider.nonce-ttl-seconds", defaultValue = "300")
    long nonceTtlSeconds;

    /** How long an issued nonce can be used. */
    public Duration nonceTtl() {
        return Duration.ofSeconds(Math.max(1, nonceTtlSeconds));
    }

    public Clock clock() {
        return Clock.systemUTC();
    }
}
