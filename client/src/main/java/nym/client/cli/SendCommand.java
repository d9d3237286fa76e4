package nym.client.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import nym.client.api.LocalApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nymclient send}: hands one message to the client running on this home ({@code nymclient run}) through its
 * local API (with the run's secret from the home's {@code api.secret}), so it leaves on the client's payload stream
 * among the cover traffic rather than as a lone packet.
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
        LocalApiClient api = LocalApiClient.forHome(home.home());
        String request = Json.createObjectBuilder()
                .add("type", "send")
                .add("recipient", recipient)
                .add("message", message)
                .add("withReplySurb", withReplySurb)
                .build()
                .toString();
        JsonObject answer =
                Json.createReader(new StringReader(api.exchange(request))).readObject();
        if (answer.getBoolean("ok", false)) {
            System.out.println("queued " + message.getBytes(StandardCharsets.UTF_8).length + " bytes for " + recipient);
            return 0;
        }
        System.err.println("refused: " + answer.getString("message", answer.toString()));
        return 2;
    }
}
