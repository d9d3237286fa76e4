package nym.issuer.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer role this instance plays: instance i of the deployment group is authority i
 * ({@code nym.authority.index}, set by payara-config), and an instance without an index plays none.
 * Skeleton of the module until its issue lands: it only announces the role.
 *
 * <p>It also defines, for the whole application, the ledger connection factory every authority role uses
 * ({@value #LEDGER}); its nodes are the adapter's ({@code nym.ledger.nodes}, else the local devnet), see
 * ledger-jca/README.md.
 */
@ConnectionFactoryDefinition(
        name = IssuerRole.LEDGER,
        interfaceName = "nym.ledger.jca.LedgerConnectionFactory",
        resourceAdapter = "#ledger-jca",
        transactionSupport = TransactionSupportLevel.NoTransaction)
@Startup
@Singleton
public class IssuerRole {

    /** JNDI name of the application's ledger connection factory. */
    public static final String LEDGER = "java:app/ledger/ConnectionFactory";

    private static final Logger LOG = Logger.getLogger(IssuerRole.class.getName());

    @Inject
    @ConfigProperty(name = "nym.authority.index", defaultValue = "0")
    int authority;

    @PostConstruct
    void announce() {
        LOG.info(
                () -> authority > 0 ? "issuer role of authority " + authority : "no authority index: issuer role idle");
    }

    /** The authority this instance is, or 0. */
    public int authority() {
        return authority;
    }
}
