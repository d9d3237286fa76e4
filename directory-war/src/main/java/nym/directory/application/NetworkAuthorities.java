package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import nym.directory.api.AuthoritySet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The topology authorities of the network tree ({@code <nym.network.home>/directory/authorities.properties}) and the
 * epoch the directory's clock is in. Presences are checked against both: the epochs a node may announce keys for, and
 * the authorities its proofs may be made for. Without a tree the epochs are an hour long (the default schedule) and
 * proofs are checked for their form only.
 */
@ApplicationScoped
public class NetworkAuthorities {

    /** The default epoch length of {@link AuthoritySet}'s schedule, used when no tree is configured. */
    static final long DEFAULT_EPOCH_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(NetworkAuthorities.class.getName());

    @Inject
    @ConfigProperty(name = "nym.network.home")
    Optional<String> home;

    private final Clock clock = Clock.systemUTC();
    private volatile Optional<AuthoritySet> set;

    /** The pinned authorities, read once; empty without a network tree. */
    public Optional<AuthoritySet> set() {
        Optional<AuthoritySet> loaded = set;
        if (loaded == null) {
            loaded = home.map(h -> load(Path.of(h).resolve(AuthoritySet.TREE_FILE)));
            if (loaded.isEmpty()) {
                LOG.warning("no network tree (nym.network.home unset): epochs of " + DEFAULT_EPOCH_SECONDS
                        + " s, Sphinx key proofs checked for their form only");
            }
            set = loaded;
        }
        return loaded;
    }

    public long epochMillis() {
        return set().map(AuthoritySet::epochSeconds).orElse(DEFAULT_EPOCH_SECONDS) * 1000L;
    }

    /** Epoch e runs [e·L, (e+1)·L) ms since the Unix epoch. */
    public long currentEpoch() {
        return clock.millis() / epochMillis();
    }

    private static AuthoritySet load(Path file) {
        try {
            return AuthoritySet.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the authorities " + file, e);
        }
    }
}
