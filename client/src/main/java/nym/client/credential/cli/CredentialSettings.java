package nym.client.credential.cli;

import java.nio.file.Path;
import java.util.Optional;
import nym.client.cli.HomeOption;
import nym.client.credential.CredentialConfig;
import nym.client.credential.CredentialConfigFile;
import nym.client.credential.Wallet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a credential command finds its settings: the {@code [credential]} section of the home folder's
 * {@code config.toml}, else the {@code make localnet} defaults for a client of the network tree.
 */
public final class CredentialSettings {

    @Mixin
    HomeOption home;

    @Option(
            names = "--network-home",
            description = "Network tree for the localnet defaults when config.toml has no [credential] section"
                    + " (default: $NYM_NETWORK_HOME, else ./build).")
    Path networkHome;

    @Option(
            names = "--client",
            defaultValue = "1",
            description = "Client k of the network tree (its account.key) for the localnet defaults"
                    + " (default: ${DEFAULT-VALUE}).")
    int client;

    @Option(
            names = "--authorities",
            defaultValue = "3",
            description =
                    "Authorities of the localnet (instance i on port 28080 + 100(i-1)) (default: ${DEFAULT-VALUE}).")
    int authorities;

    /** Whether the settings came from config.toml (false: localnet defaults). */
    boolean fromFile;

    public CredentialConfig config() {
        Optional<CredentialConfig> file = CredentialConfigFile.read(home.home().configFile());
        fromFile = file.isPresent();
        return file.orElseGet(() -> CredentialConfig.localnet(networkHome(), client, 1, authorities));
    }

    public Path networkHome() {
        if (networkHome != null) {
            return networkHome;
        }
        String env = System.getenv("NYM_NETWORK_HOME");
        return Path.of(env == null || env.isBlank() ? "build" : env);
    }

    public Wallet wallet() {
        return new Wallet(home.home().folder());
    }

    public Path configFile() {
        return home.home().configFile();
    }
}
