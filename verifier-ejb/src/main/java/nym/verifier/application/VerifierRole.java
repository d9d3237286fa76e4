package nym.verifier.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.coconut.setup.Parameters;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.NetworkTree;
import nym.credential.PayloadException;
import nym.ledger.tx.Secp256k1;
import nym.verifier.domain.CredentialCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verifier role this instance plays: instance i of the deployment group is authority i
 * ({@code nym.authority.index}) and reads the Coconut parameters and its own secp256k1 vote key from the network tree
 * ({@code nym.network.home}). Without either the role stays idle and says why; when they are set but the files cannot
 * be read the role has failed: it refuses the ledger's events, which wait for a repaired deployment. The verification
 * keys are not in the tree: they come from the ledger per key epoch ({@code /dkg/completed}), each prepared once
 * (fixed-base tables) when the first credential of its key epoch is checked.
 */
@Startup
@Singleton
@Lock(LockType.READ)
public class VerifierRole {

    private static final Logger LOG = Logger.getLogger(VerifierRole.class.getName());

    @Inject
    @ConfigProperty(name = NetworkTree.AUTHORITY_PROPERTY, defaultValue = "0")
    int authority;

    @Inject
    @ConfigProperty(name = NetworkTree.HOME_PROPERTY)
    Optional<String> networkHome;

    @Inject
    KeyEpochVerificationKeys.Ledger keyEpochs;

    private CredentialCheck check;
    private Secp256k1.KeyPair voteKey;
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
                Parameters params = tree.parameters();
                check = new CredentialCheck(params, new KeyEpochVerificationKeys(params, keyEpochs));
                voteKey = Secp256k1.KeyPair.of(HexFormat.of().parseHex(tree.verifierKeyHex(authority)));
                state = "active: authority " + authority + ", votes as 0x"
                        + HexFormat.of().formatHex(voteKey.address());
            } catch (PayloadException | RuntimeException e) {
                check = null;
                failed = true;
                state = "failed: keys of authority " + authority + " unreadable: " + e.getMessage();
                LOG.log(Level.SEVERE, "verifier role " + state, e);
                return;
            }
        }
        LOG.info(() -> "verifier role " + state);
    }

    /** The authority this instance is, or 0. */
    public int authority() {
        return authority;
    }

    /** The credential check when the role is active. */
    public Optional<CredentialCheck> check() {
        return Optional.ofNullable(check);
    }

    /** The key votes are signed with, when the role is active. */
    public Optional<Secp256k1.KeyPair> voteKey() {
        return Optional.ofNullable(voteKey);
    }

    /** {@code active: …}, {@code idle: <why>} or {@code failed: <why>}. */
    public String state() {
        return state;
    }

    /** True when an authority was configured but its keys could not be loaded. */
    public boolean failed() {
        return failed;
    }
}
