package nym.provider.infrastructure.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import nym.coconut.setup.Parameters;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.NetworkTree;
import nym.credential.PayloadException;
import nym.provider.application.CredentialCheck;
import nym.provider.application.CredentialKeys;
import nym.provider.application.SpendRefused;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.provider.ProviderRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The providers and the Coconut parameters of the network tree named by {@value NetworkTree#HOME_PROPERTY}, read once
 * at start; the verification keys come from the ledger per key epoch. Without a tree this deployment serves no provider
 * (the endpoints answer 404/503), as the authority roles stay idle without one; a tree with bad files fails the
 * deployment, so a wrong key never serves.
 */
@ApplicationScoped
public class NetworkTreeKeys implements ProviderRegistry, CredentialKeys {

    private static final Logger LOG = Logger.getLogger(NetworkTreeKeys.class.getName());

    @Inject
    @ConfigProperty(name = NetworkTree.HOME_PROPERTY)
    Optional<String> home;

    @Inject
    Ledger ledger;

    private List<Provider> providers = List.of();
    private CredentialCheck check;

    @PostConstruct
    void load() {
        if (home.isEmpty() || home.get().isBlank()) {
            LOG.warning(NetworkTree.HOME_PROPERTY + " is not set: no provider is served");
            return;
        }
        NetworkTree tree = new NetworkTree(Path.of(home.get()));
        providers = ProviderKeyFiles.read(tree.home());
        try {
            Parameters params = tree.parameters();
            check = new CredentialCheck(params, new KeyEpochVerificationKeys(params, ledger));
        } catch (PayloadException e) {
            throw new IllegalStateException(
                    "the network tree's Coconut parameters cannot be read: " + e.getMessage(), e);
        }
        LOG.info(() -> "serving providers " + providers + " from " + tree.home());
    }

    @Override
    public List<Provider> all() {
        return providers;
    }

    @Override
    public Optional<Provider> byIndex(int index) {
        return providers.stream().filter(p -> p.index() == index).findFirst();
    }

    @Override
    public CredentialCheck credentialCheck() {
        if (check == null) {
            throw new SpendRefused(
                    SpendRefused.Reason.NOT_CONFIGURED,
                    "this deployment has no network tree (" + NetworkTree.HOME_PROPERTY + "): it serves no provider");
        }
        return check;
    }
}
