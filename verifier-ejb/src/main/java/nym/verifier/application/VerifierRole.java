package nym.verifier.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verifier role this instance plays: instance i of the deployment group is authority i
 * ({@code nym.authority.index}, set by payara-config), and an instance without an index plays none.
 * Skeleton of the module until its issue lands: it only announces the role.
 */
@Startup
@Singleton
public class VerifierRole {

    private static final Logger LOG = Logger.getLogger(VerifierRole.class.getName());

    @Inject
    @ConfigProperty(name = "nym.authority.index", defaultValue = "0")
    int authority;

    @PostConstruct
    void announce() {
        LOG.info(() ->
                authority > 0 ? "verifier role of authority " + authority : "no authority index: verifier role idle");
    }

    /** The authority this instance is, or 0. */
    public int authority() {
        return authority;
    }
}
