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

    @Inject
    @ConfigProperty(name = "nym.provider.deposit-lookup-seconds", defaultValue = "60")
    long depositLookupSeconds;

    @Inject
    @ConfigProperty(name = "nym.provider.deposit-resubmissions", defaultValue = "3")
    int depositResubmissions;

    Clock clock = Clock.systemUTC();

    /** How long a deposit sent without an answer is looked for on the ledger before it is sent again. */
    public Duration depositLookup() {
        return Duration.ofSeconds(Math.max(1, depositLookupSeconds));
    }

    /** How often such a deposit is sent again before it is given up as failed. */
    public int depositResubmissions() {
        return Math.max(0, depositResubmissions);
    }

    /** How long an issued nonce can be used. */
    public Duration nonceTtl() {
        return Duration.ofSeconds(Math.max(1, nonceTtlSeconds));
    }

    public Clock clock() {
        return clock;
    }
}
