package nym.client.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import nym.client.ClientException;
import nym.client.api.LocalApiClient;
import nym.client.config.ClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nymclient send}: hands one message to the client running on this home ({@code nymclient run}) through its
 * local API, so it leaves on the client's message stream among the cover traffic rather than as a lone packet.
 */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = "Send a message through the running client of this home (its local WebSocket API).")
final class SendCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Option(names = "--to", required = true, description = "Recipient address <clientId>@<gatewayIdentityKey>.")
    String recipient;

    @Option(names = "--message", required = true, description = "Message text (UTF-8).")
    String message;

    @Option(names = "--with-reply-surb", description = "Attach a reply SURB so the recipient can answer.")
    boolean withReplySurb;

    @Override
    public Integer call() {
        ClientConfig config = home.home().readConfig();
        if (config.api().port() == 0) {
            throw new ClientException(
                    ClientException.Kind.CONFIG, "api.port is 0 in the config: the running client's port is unknown");
        }
        URI uri = URI.create("ws://" + config.api().host() + ":" + config.api().port() + "/");
        String request = Json.createObjectBuilder()
                .add("type", "send")
                .add("recipient", recipient)
                .add("message", message)
                .add("withReplySurb", withReplySurb)
                .build()
                .toString();
        JsonObject answer = Json.createReader(new StringReader(LocalApiClient.exchange(uri, request)))
                .readObject();
        if (answer.getBoolean("ok", false)) {
            System.out.println("queued " + message.getBytes(StandardCharsets.UTF_8).length + " bytes for " + recipient);
            return 0;
        }
        System.err.println("refused: " + answer.getString("message", answer.toString()));
        return 2;
    }
}
