package nym.client.cli;

import nym.client.api.ApiRequestHandler;
import nym.client.api.LocalApiServer;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;
import nym.client.runtime.MixnetClient;

/**
 * What {@code nymclient run} runs: the client of a home folder and its local API. Started in that order (the API
 * serves a running client) and closed in reverse.
 */
public final class RunningClient implements AutoCloseable {

    private final ClientConfig config;
    private final MixnetClient client;
    private final LocalApiServer api;

    private RunningClient(ClientConfig config, MixnetClient client, LocalApiServer api) {
        this.config = config;
        this.client = client;
        this.api = api;
    }

    /** Reads the home's config and keys and starts; nothing is left running when it throws. */
    public static RunningClient start(ClientHome home) {
        ClientConfig config = home.readConfig();
        MixnetClient client = MixnetClient.start(config, home.readKeys());
        try {
            LocalApiServer api =
                    LocalApiServer.start(config.api().host(), config.api().port(), new ApiRequestHandler(client));
            return new RunningClient(config, client, api);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
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

    /** {@code GET} this for the statistics as JSON. */
    public String statsUrl() {
        return "http://" + config.api().host() + ":" + api.address().getPort() + "/stats";
    }

    @Override
    public void close() {
        api.close();
        client.close();
    }
}
