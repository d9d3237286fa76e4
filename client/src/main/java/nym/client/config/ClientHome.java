package nym.client.config;

import java.nio.file.Files;
import java.nio.file.Path;
import nym.client.ClientException;
import nym.client.keys.ClientKeys;
import nym.client.keys.SecretFiles;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.sphinx.NodeKeyPair;

/**
 * A client's home folder (default {@code ~/.nym/clients/<id>}):
 *
 * <pre>
 * config.toml          settings (ClientConfigFile)
 * identity.key         Ed25519 secret key, base64url        [0600]
 * sphinx.key           X25519 secret key, base64url         [0600]
 * gateway.token        token the gateway issued at register [0600]
 * </pre>
 *
 * Other files (a localnet tree puts {@code account.key} here) are left alone.
 */
public record ClientHome(Path folder) {

    public static Path defaultFolder(String id) {
        return Path.of(System.getProperty("user.home"), ".nym", "clients", id);
    }

    public Path configFile() {
        return folder.resolve("config.toml");
    }

    public Path identityKeyFile() {
        return folder.resolve("identity.key");
    }

    public Path sphinxKeyFile() {
        return folder.resolve("sphinx.key");
    }

    public Path gatewayTokenFile() {
        return folder.resolve("gateway.token");
    }

    public boolean isInitialised() {
        return Files.exists(configFile()) || Files.exists(identityKeyFile()) || Files.exists(sphinxKeyFile());
    }

    public void writeKeys(ClientKeys keys) {
        SecretFiles.create(identityKeyFile(), keys.identity().secretKey());
        SecretFiles.create(sphinxKeyFile(), keys.sphinx().privateKeyBytes());
    }

    public ClientKeys readKeys() {
        return new ClientKeys(
                Ed25519Identity.fromSecret(SecretFiles.read(identityKeyFile(), Keys.SECRET_KEY_BYTES)),
                NodeKeyPair.fromPrivateKey(SecretFiles.read(sphinxKeyFile(), Keys.SECRET_KEY_BYTES)));
    }

    public ClientConfig readConfig() {
        if (!Files.exists(configFile())) {
            throw new ClientException(
                    ClientException.Kind.CONFIG, configFile() + " does not exist: run `nymclient init` first");
        }
        return ClientConfigFile.read(configFile());
    }

    public void writeGatewayToken(String token) {
        SecretFiles.replaceText(gatewayTokenFile(), token);
    }

    public String readGatewayToken() {
        return SecretFiles.readText(gatewayTokenFile());
    }
}
