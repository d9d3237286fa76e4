package nym.directory.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.link.LinkKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The topology authorities as this instance knows them: the pinned {@link AuthoritySet} from the network tree
 * ({@code <nym.network.home>/directory/authorities.properties}) and, when this instance is authority i
 * ({@code nym.authority.index}), its Ed25519 signing key ({@code authorities/authority-<i>/directory.key}: the 32-byte
 * seed as unpadded base64url). Without a tree the instance builds and serves documents on the default schedule but
 * signs nothing; without an index (the DAS of localnet) it knows the set but signs nothing; a key file that does not
 * hold authority i's key of the set is a broken deployment ({@link #failed()}). The state is logged at start and
 * reported by the readiness check; the secret is never logged.
 */
@ApplicationScoped
public class AuthorityKeys {

    /** Epoch length while no authority set is configured: an hour, as in the default. */
    static final long DEFAULT_EPOCH_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(AuthorityKeys.class.getName());

    /**
     * What was loaded: the set (if any), the signing key and its proof check (if this instance signs), and a state
     * for operators ({@code signing: …}, {@code not signing: <why>}, {@code failed: <why>}).
     */
    record Loaded(
            Optional<AuthoritySet> set,
            int index,
            Optional<Ed25519Identity> signer,
            Optional<AuthorityProofs> proofs,
            String state,
            boolean failed) {

        static Loaded notSigning(Optional<AuthoritySet> set, String why) {
            return new Loaded(set, 0, Optional.empty(), Optional.empty(), "not signing: " + why, false);
        }

        static Loaded failed(Optional<AuthoritySet> set, String why) {
            return new Loaded(set, 0, Optional.empty(), Optional.empty(), "failed: " + why, true);
        }
    }

    @Inject
    @ConfigProperty(name = "nym.network.home")
    Optional<String> networkHome;

    @Inject
    @ConfigProperty(name = "nym.authority.index", defaultValue = "0")
    int authority;

    /**
     * Which topology authority this directory signs as, when it should differ from {@code nym.authority.index}: a
     * server that runs the directory as an authority but none of the credential roles (the integration tests' DAS).
     */
    @Inject
    @ConfigProperty(name = "nym.directory.authority-index", defaultValue = "0")
    int directoryAuthority;

    private Loaded loaded;

    @PostConstruct
    void load() {
        loaded = load(networkHome.map(Path::of), directoryAuthority > 0 ? directoryAuthority : authority);
        if (loaded.failed()) {
            LOG.severe(() -> "epoch documents: " + loaded.state());
        } else {
            LOG.info(() -> "epoch documents: " + loaded.state());
        }
    }

    /** Reads the tree; never throws for a missing or broken file (the state says what is wrong). */
    static Loaded load(Optional<Path> home, int index) {
        if (home.isEmpty()) {
            return Loaded.notSigning(Optional.empty(), "no nym.network.home (no authority set, default schedule)");
        }
        Path setFile = home.get().resolve(AuthoritySet.TREE_FILE);
        AuthoritySet set;
        try {
            set = AuthoritySet.load(setFile);
        } catch (IOException | DirectoryException e) {
            return Loaded.failed(Optional.empty(), "cannot read the authority set " + setFile + ": " + e.getMessage());
        }
        Optional<AuthoritySet> known = Optional.of(set);
        if (index < 1) {
            return Loaded.notSigning(known, "no nym.authority.index (this instance is no authority)");
        }
        if (index > set.keys().size()) {
            return Loaded.failed(
                    known,
                    "authority " + index + " is not in the set of " + set.keys().size());
        }
        Path keyFile = keyFile(home.get(), index);
        byte[] seed = null;
        try {
            seed = Keys.decode(
                    Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), Keys.SECRET_KEY_BYTES, "key");
            Ed25519Identity signer = Ed25519Identity.fromSecret(seed);
            if (!signer.publicKeyText().equals(set.keys().get(index - 1))) {
                return Loaded.failed(
                        known, keyFile + " does not hold the key of authority." + index + " in " + setFile);
            }
            AuthorityProofs proofs = new AuthorityProofs(
                    signer.publicKeyText(), LinkKeys.fromEd25519Seed(seed).privateKey());
            return new Loaded(
                    known,
                    index,
                    Optional.of(signer),
                    Optional.of(proofs),
                    "signing as authority " + index + " (" + signer.publicKeyText() + ")",
                    false);
        } catch (IOException | DirectoryException e) {
            return Loaded.failed(known, "cannot read " + keyFile + ": " + e.getMessage());
        } finally {
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /** Where authority {@code index}'s signing key lives in the tree. */
    static Path keyFile(Path home, int index) {
        return authorityFolder(home, index).resolve("directory.key");
    }

    /** Authority {@code index}'s folder of the tree: its secret keys and its public {@code authority.toml}. */
    static Path authorityFolder(Path home, int index) {
        return home.resolve("authorities").resolve("authority-" + index);
    }

    /** The network tree, if configured. */
    public Optional<Path> home() {
        return networkHome.map(Path::of);
    }

    /** The authority this instance signs as, 0 when it signs nothing. */
    public int signingIndex() {
        return loaded.index();
    }

    /** The pinned set, if the tree has one. */
    public Optional<AuthoritySet> authorities() {
        return loaded.set();
    }

    /** This instance's signing key, if it is an authority with a readable key. */
    public Optional<Ed25519Identity> signer() {
        return loaded.signer();
    }

    /** This authority's check of the nodes' proofs made for it, when it signs. */
    public Optional<AuthorityProofs> proofs() {
        return loaded.proofs();
    }

    /** The schedule: the set's epoch length, or {@value #DEFAULT_EPOCH_SECONDS} s without one. */
    public EpochSchedule schedule() {
        return EpochSchedule.ofSeconds(
                loaded.set().map(AuthoritySet::epochSeconds).orElse(DEFAULT_EPOCH_SECONDS));
    }

    /** The epoch the directory's clock is in (presences announce keys relative to it). */
    public long currentEpoch() {
        return schedule().epochAt(System.currentTimeMillis());
    }

    /** {@code signing as authority i (key)}, {@code not signing: <why>} or {@code failed: <why>}. */
    public String state() {
        return loaded.state();
    }

    /** True when the tree names this instance an authority but its files cannot be used. */
    public boolean failed() {
        return loaded.failed();
    }
}
