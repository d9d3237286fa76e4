package nym.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.logging.Logger;
import nym.client.api.ApiRequestHandler;
import nym.client.api.ApiSecret;
import nym.client.api.LocalApiClient;
import nym.client.api.LocalApiServer;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;
import nym.client.credential.CredentialConfigFile;
import nym.client.credential.GatewayPayment;
import nym.client.runtime.BandwidthMeter;
import nym.client.runtime.MixnetClient;

/**
 * What {@code nymclient run} runs: the client of a home folder and its local API. Started in that order (the API
 * serves a running client) and closed in reverse. The API's secret is new for every run: written to the home's
 * {@code api.secret} (0600) before the API opens, removed when it closes.
 */
public final class RunningClient implements AutoCloseable {

    private final ClientHome home;
    private final ClientConfig config;
    private final MixnetClient client;
    private final ApiSecret secret;
    private final LocalApiServer api;

    private RunningClient(
            ClientHome home, ClientConfig config, MixnetClient client, ApiSecret secret, LocalApiServer api) {
        this.home = home;
        this.config = config;
        this.client = client;
        this.secret = secret;
        this.api = api;
    }

    /** Reads the home's config and keys and starts; nothing is left running when it throws. */
    public static RunningClient start(ClientHome home) {
        ClientConfig config = home.readConfig();
        Logger log = Logger.getLogger(RunningClient.class.getName());
        MixnetClient client = MixnetClient.start(
                config, home.readKeys(), payer(home, config.gateway().identityKey(), log::info));
        try {
            ApiSecret secret = ApiSecret.generate(new SecureRandom());
            secret.writeTo(home.apiSecretFile());
            LocalApiServer api = LocalApiServer.start(
                    config.api().host(), config.api().port(), secret, new ApiRequestHandler(client));
            return new RunningClient(home, config, client, secret, api);
        } catch (RuntimeException e) {
            removeSecret(home);
            client.close();
            throw e;
        }
    }

    /**
     * Pays the home's gateway (identity key {@code gatewayKey}) from the home's wallet, with the credential flow of
     * its {@code [credential]} section, read at each payment (a section added while the client runs is used).
     */
    public static BandwidthMeter.Payer payer(ClientHome home, String gatewayKey, Consumer<String> notes) {
        return gateway -> GatewayPayment.payFromHome(
                home.folder(), CredentialConfigFile.read(home.configFile()), gateway, gatewayKey, notes);
    }

    public ClientConfig config() {
        return config;
    }

    public MixnetClient client() {
        return client;
    }

    /** The local API's WebSocket URL (its real port when the config says 0). */
    public String apiUrl() {
        return "ws://" + config.api().host() + ":" + api.address().getPort() + "/";
    }

    /** A caller of this run's API (with its secret). */
    public LocalApiClient apiClient() {
        return new LocalApiClient(config.api().host(), api.address().getPort(), secret);
    }

    /** {@code GET} this (with the secret) for the statistics as JSON. */
    public String statsUrl() {
        return "http://" + config.api().host() + ":" + api.address().getPort() + "/stats";
    }

    @Override
    public void close() {
        // the secret goes first: whatever happens to the API's or the client's shutdown, no stale secret is left
        removeSecret(home);
        try {
            api.close();
        } finally {
            client.close();
        }
    }

    /** A secret left behind is useless once its run has stopped (and the next run replaces it): warn only. */
    private static void removeSecret(ClientHome home) {
        try {
            Files.deleteIfExists(home.apiSecretFile());
        } catch (IOException e) {
            Logger.getLogger(RunningClient.class.getName())
                    .warning("cannot remove " + home.apiSecretFile() + ": " + e.getMessage());
        }
    }
}
