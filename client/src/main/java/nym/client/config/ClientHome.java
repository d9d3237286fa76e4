package nym.client.config;

import java.nio.file.Files;
import java.nio.file.Path;
import nym.client.ClientException;
import nym.client.keys.ClientKeys;
import nym.client.keys.SecretFiles;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.sphinx.EncryptionKeyPair;
import nym.sphinx.SphinxSizes;

/**
 * A client's home folder (default {@code ~/.nym/clients/<id>}):
 *
 * <pre>
 * config.toml          settings (ClientConfigFile)
 * identity.key         Ed25519 secret key, base64url              [0600]
 * encryption.key       X25519 secret key, base64url               [0600]
 * api.secret           the local API's secret, new for every run, removed at stop [0600]
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

    /** Written by {@code nymclient run} (nym.client.api.ApiSecret); present only while a client runs here. */
    public Path apiSecretFile() {
        return folder.resolve("api.secret");
    }

    public Path encryptionKeyFile() {
        return folder.resolve("encryption.key");
    }

    public boolean isInitialised() {
        return Files.exists(configFile()) || Files.exists(identityKeyFile()) || Files.exists(encryptionKeyFile());
    }

    public void writeKeys(ClientKeys keys) {
        SecretFiles.create(identityKeyFile(), keys.identity().secretKey());
        SecretFiles.create(encryptionKeyFile(), keys.encryption().privateKeyBytes());
    }

    public ClientKeys readKeys() {
        return new ClientKeys(
                Ed25519Identity.fromSecret(SecretFiles.read(identityKeyFile(), Keys.SECRET_KEY_BYTES)),
                EncryptionKeyPair.fromPrivateKey(SecretFiles.read(encryptionKeyFile(), SphinxSizes.X25519_KEY)));
    }

    public ClientConfig readConfig() {
        if (!Files.exists(configFile())) {
            throw new ClientException(
                    ClientException.Kind.CONFIG, configFile() + " does not exist: run `nymclient init` first");
        }
        return ClientConfigFile.read(configFile());
    }
}
