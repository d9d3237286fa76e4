package nym.issuer.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.credential.NetworkTree;
import nym.credential.PayloadException;
import nym.issuer.domain.IssuerKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer role this instance plays: instance i of the deployment group is authority i
 * ({@code nym.authority.index}, set by payara-config) and reads its key share from the network tree
 * ({@code nym.network.home}). Without either the role stays idle and says why; when they are set but the keys cannot
 * be read the role has failed: it refuses the ledger's events (they wait for a repaired deployment instead of being
 * skipped), and says so in the log at start, the {@code issuer} readiness check and 503 answers of the HTTP API.
 *
 * <p>It also defines, for the whole application, the ledger connection factory every authority role uses
 * ({@value #LEDGER}); its nodes are the adapter's ({@code nym.ledger.nodes}, else validator 1 of localnet on 127.0.0.1:26657), see
 * ledger-jca/README.md.
 */
@ConnectionFactoryDefinition(
        name = IssuerRole.LEDGER,
        interfaceName = "nym.ledger.jca.LedgerConnectionFactory",
        resourceAdapter = "#ledger-jca",
        transactionSupport = TransactionSupportLevel.NoTransaction)
@Startup
@Singleton
@Lock(LockType.READ)
public class IssuerRole {

    /** JNDI name of the application's ledger connection factory. */
    public static final String LEDGER = "java:app/ledger/ConnectionFactory";

    private static final Logger LOG = Logger.getLogger(IssuerRole.class.getName());

    @Inject
    @ConfigProperty(name = NetworkTree.AUTHORITY_PROPERTY, defaultValue = "0")
    int authority;

    @Inject
    @ConfigProperty(name = NetworkTree.HOME_PROPERTY)
    Optional<String> networkHome;

    private IssuerKeys keys;
    private String state;
    private boolean failed;

    @PostConstruct
    void load() {
        if (authority < 1) {
            state = "idle: no " + NetworkTree.AUTHORITY_PROPERTY;
        } else if (networkHome.isEmpty()) {
            state = "idle: no " + NetworkTree.HOME_PROPERTY;
        } else {
            NetworkTree tree = new NetworkTree(Path.of(networkHome.get()));
            try {
                keys = new IssuerKeys(
                        authority,
                        tree.parameters(),
                        tree.issuerSecretKey(authority),
                        tree.issuerVerificationKeyShare(authority),
                        tree.verificationKey());
                state = "active: authority " + authority;
            } catch (PayloadException | IllegalArgumentException e) {
                failed = true;
                state = "failed: keys of authority " + authority + " unreadable: " + e.getMessage();
                LOG.log(Level.SEVERE, "issuer role " + state, e);
                return;
            }
        }
        LOG.info(() -> "issuer role " + state);
    }

    /** The authority this instance is, or 0. */
    public int authority() {
        return authority;
    }

    /** The keys when the role is active. */
    public Optional<IssuerKeys> keys() {
        return Optional.ofNullable(keys);
    }

    /** {@code active: …}, {@code idle: <why>} or {@code failed: <why>}. */
    public String state() {
        return state;
    }

    /** True when an authority was configured but its keys could not be loaded (a broken deployment). */
    public boolean failed() {
        return failed;
    }
}
