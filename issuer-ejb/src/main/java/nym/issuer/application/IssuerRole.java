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
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.setup.Parameters;
import nym.credential.NetworkTree;
import nym.credential.PayloadException;
import nym.issuer.domain.IssuerKeys;
import nym.issuer.domain.KeyEpoch;
import nym.ledger.tx.Secp256k1;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer role this instance plays: instance i of the deployment group is authority i
 * ({@code nym.authority.index}, set by payara-config) and reads its own DKG key pair and issuer account key, with
 * the Coconut parameters, from its copy of the network tree ({@code nym.network.home}). Its issuing keys are not in
 * the tree: {@link DkgParticipant} derives one share per key epoch from the ledger's DKG and installs it here, in
 * memory only.
 *
 * <p>Modes: idle (no index or no home: this instance is no authority), waiting for key generation (before it holds
 * the latest completed key epoch's share; not a failure), active, failed (its files are unreadable, or the share it
 * derived does not match the ledger's vk_i). A failed role refuses the ledger's events (they wait for a repaired
 * deployment instead of being skipped) and says so in the log, the {@code issuer} readiness check and 503 answers.
 *
 * <p>It also defines, for the whole application, the ledger connection factory every authority role uses
 * ({@value #LEDGER}); its nodes are the adapter's ({@code nym.ledger.nodes}, else validator 1 of localnet on
 * 127.0.0.1:26657), see ledger-jca/README.md.
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

    /** What the role is doing; see the class comment. */
    public enum Mode {
        IDLE,
        WAITING,
        ACTIVE,
        FAILED
    }

    private static final Logger LOG = Logger.getLogger(IssuerRole.class.getName());

    @Inject
    @ConfigProperty(name = NetworkTree.AUTHORITY_PROPERTY, defaultValue = "0")
    int authority;

    @Inject
    @ConfigProperty(name = NetworkTree.HOME_PROPERTY)
    Optional<String> networkHome;

    private Parameters params;
    private DkgKeyPair dkgKey;
    private Secp256k1.KeyPair accountKey;
    private volatile String idleReason;
    private volatile String failure;

    private final NavigableMap<Long, IssuerKeys> installed = new ConcurrentSkipListMap<>();
    /** Key epochs this authority will never hold a share of (failed, or it was no recipient), with the reason. */
    private final Map<Long, String> neverHeld = new ConcurrentHashMap<>();
    /** Key epochs a credential request asked for that are not installed: the participant looks them up. */
    private final Set<Long> wanted = ConcurrentHashMap.newKeySet();

    private volatile long latestCompleted;
    private volatile String progress = "ledger not read yet";

    @PostConstruct
    void load() {
        if (authority < 1) {
            idleReason = "no " + NetworkTree.AUTHORITY_PROPERTY;
        } else if (networkHome.isEmpty()) {
            idleReason = "no " + NetworkTree.HOME_PROPERTY;
        } else {
            NetworkTree tree = new NetworkTree(Path.of(networkHome.get()));
            try {
                params = tree.parameters();
                dkgKey = tree.dkgKeyPair(authority);
                accountKey = Secp256k1.KeyPair.of(HexFormat.of().parseHex(tree.issuerAccountKey(authority)));
            } catch (PayloadException | RuntimeException e) {
                fail("files of authority " + authority + " unreadable: " + e.getMessage(), e);
                return;
            }
        }
        LOG.info(() -> "issuer role " + state());
    }

    /** The authority this instance is, or 0. */
    public int authority() {
        return authority;
    }

    public Mode mode() {
        if (failure != null) {
            return Mode.FAILED;
        }
        if (idleReason != null) {
            return Mode.IDLE;
        }
        return installed.containsKey(latestCompleted) ? Mode.ACTIVE : Mode.WAITING;
    }

    /**
     * True when this instance is an authority whose role has not failed (active or waiting): it takes part in the
     * DKG and answers for its partial credentials.
     */
    public boolean serving() {
        Mode m = mode();
        return m == Mode.ACTIVE || m == Mode.WAITING;
    }

    /** True when an authority was configured but its role could not be set up (a broken deployment or DKG). */
    public boolean failed() {
        return mode() == Mode.FAILED;
    }

    /**
     * {@code active: authority i, key epoch n}, {@code waiting for key generation (key epoch n, phase p)},
     * {@code idle: <why>} or {@code failed: <why>}.
     */
    public String state() {
        return switch (mode()) {
            case FAILED -> "failed: " + failure;
            case IDLE -> "idle: " + idleReason;
            case ACTIVE -> "active: authority " + authority + ", key epoch " + latestCompleted;
            case WAITING -> "waiting for key generation (" + progress + ")";
        };
    }

    /** The keys of the latest completed key epoch, when the role holds them (is active). */
    public Optional<IssuerKeys> keys() {
        return mode() == Mode.ACTIVE ? Optional.ofNullable(installed.get(latestCompleted)) : Optional.empty();
    }

    /** The keys of key epoch {@code keyEpoch}, when installed (and the role has not failed). */
    public Optional<IssuerKeys> keys(long keyEpoch) {
        return serving() ? Optional.ofNullable(installed.get(keyEpoch)) : Optional.empty();
    }

    /** Why this authority will never hold key epoch {@code keyEpoch}'s share, when that is known. */
    public Optional<String> neverHeld(long keyEpoch) {
        return Optional.ofNullable(neverHeld.get(keyEpoch));
    }

    /** Asks the participant to install key epoch {@code keyEpoch} once it is completed (a request waits for it). */
    public void want(long keyEpoch) {
        if (!installed.containsKey(keyEpoch) && !neverHeld.containsKey(keyEpoch)) {
            wanted.add(keyEpoch);
        }
    }

    // What the DKG participant needs and tells: public, as every call reaches this singleton through its EJB proxy.

    public Parameters params() {
        return params;
    }

    public DkgKeyPair dkgKey() {
        return dkgKey;
    }

    /** The key of the account genesis registers as this issuer: it signs the DKG transactions. */
    public Optional<Secp256k1.KeyPair> accountKey() {
        return serving() ? Optional.of(accountKey) : Optional.empty();
    }

    public Set<Long> wanted() {
        return Set.copyOf(wanted);
    }

    public boolean holds(long keyEpoch) {
        return installed.containsKey(keyEpoch);
    }

    public void install(IssuerKeys keys) {
        installed.put(keys.keyEpoch(), keys);
        wanted.remove(keys.keyEpoch());
    }

    public void neverHold(long keyEpoch, String reason) {
        neverHeld.putIfAbsent(keyEpoch, reason);
        wanted.remove(keyEpoch);
    }

    /** The latest key epoch the participant read, and the latest completed one (0: none yet). */
    public void observed(Optional<KeyEpoch> latest, long latestCompletedEpoch) {
        progress = latest.map(
                        e -> "key epoch " + e.number() + ", phase " + e.phase().wireName())
                .orElse("no key epoch on the ledger yet");
        latestCompleted = latestCompletedEpoch;
    }

    /** The role has failed for good (until redeployed): loudly. */
    public void fail(String why, Throwable cause) {
        failure = why;
        LOG.log(Level.SEVERE, "issuer role failed: " + why, cause);
    }
}
