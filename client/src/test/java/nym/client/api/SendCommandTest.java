package nym.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import nym.client.cli.NymClient;
import nym.client.config.ClientConfig;
import nym.client.config.ClientConfigFile;
import nym.client.config.ClientHome;
import nym.client.testing.Topologies;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nymclient send} hands its message to the running client of its home through the local API. */
class SendCommandTest {

    private final RecordingClient client = new RecordingClient();
    private LocalApiServer server;
    private ClientHome home;

    @BeforeEach
    void start(@TempDir Path dir) {
        home = new ClientHome(dir);
        ApiSecret secret = ApiSecret.generate(new SecureRandom());
        secret.writeTo(home.apiSecretFile());
        server = LocalApiServer.start("127.0.0.1", 0, secret, new ApiRequestHandler(client));
        ClientConfig config = ClientConfig.defaults(
                        "c",
                        URI.create("http://127.0.0.1:1"),
                        ClientConfig.Authorities.of(
                                TestAuthorities.threeOfWhichTwo().set()),
                        new ClientConfig.Gateway(Topologies.identity()))
                .withApi(new ClientConfig.Api("127.0.0.1", server.address().getPort()));
        ClientConfigFile.write(config, home.configFile());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void send_acceptedByTheRunningClient_exitZero() {
        int exit = NymClient.commandLine()
                .execute("send", "--home", home.folder().toString(), "--to", "r@g", "--message", "hello");
        assertEquals(0, exit);
        assertEquals(1, client.sent.size());
    }

    @Test
    void send_secretFileOfAnotherRun_refusedExitTwoAndNothingSent() {
        ApiSecret.generate(new SecureRandom()).writeTo(home.apiSecretFile());
        int exit = NymClient.commandLine()
                .execute("send", "--home", home.folder().toString(), "--to", "r@g", "--message", "hello");
        assertEquals(2, exit);
        assertEquals(0, client.sent.size());
    }

    @Test
    void send_noClientRunning_exitTwoNamingTheMissingSecretFile() throws Exception {
        java.nio.file.Files.delete(home.apiSecretFile());
        int exit = NymClient.commandLine()
                .execute("send", "--home", home.folder().toString(), "--to", "r@g", "--message", "hello");
        assertEquals(2, exit);
        assertEquals(0, client.sent.size());
    }

    @Test
    void send_refusedByTheRunningClient_exitTwoAndNothingSent() {
        int exit = NymClient.commandLine()
                .execute("send", "--home", home.folder().toString(), "--to", "bad", "--message", "hello");
        assertEquals(2, exit);
        assertEquals(0, client.sent.size());
    }
}
