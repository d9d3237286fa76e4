package nym.client.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import nym.client.cli.NymClient;
import nym.client.cli.RunningClient;
import nym.client.config.ClientConfig;
import nym.client.config.ClientConfigFile;
import nym.client.config.ClientHome;
import nym.directory.api.Keys;
import nym.mixnode.lifecycle.MixNode;

/** Clients on an {@link InProcessMixnet} as a user starts them, and waiting for what they receive. */
final class TestClients {

    /** How long a network test waits for something that travels the mixnet. */
    static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(15);

    private TestClients() {}

    /**
     * {@code nymclient init} in {@code home} as the lead scripts it (registered at {@code gateway}), the test's
     * {@code traffic} and a fast topology refresh written into its config.toml, then what {@code nymclient run} runs.
     */
    static RunningClient start(InProcessMixnet net, Path home, MixNode gateway, ClientConfig.Traffic traffic) {
        int exit = NymClient.commandLine()
                .execute(
                        "init",
                        "--home",
                        home.toString(),
                        "--directory",
                        net.directory.uri().toString(),
                        "--directory-key",
                        Keys.encode(net.directory.directoryKey()),
                        "--gateway",
                        InProcessMixnet.identity(gateway),
                        "--api-port",
                        "0");
        assertEquals(0, exit, "init exit code");
        ClientHome clientHome = new ClientHome(home);
        ClientConfig config = clientHome
                .readConfig()
                .withTraffic(traffic)
                .withDirectory(new ClientConfig.Directory(
                        net.directory.uri(), Keys.encode(net.directory.directoryKey()), Duration.ofMillis(500)));
        ClientConfigFile.write(config, clientHome.configFile());
        return RunningClient.start(clientHome);
    }

    /** Polls {@code condition} until it holds; fails after {@link #ARRIVAL_LIMIT}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + ARRIVAL_LIMIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
