package nym.client.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import nym.client.cli.NymClient;
import nym.client.cli.RunningClient;
import nym.client.config.ClientConfig;
import nym.client.config.ClientConfigFile;
import nym.client.config.ClientHome;
import nym.mixnode.lifecycle.MixNode;

/** Clients on an {@link InProcessMixnet} as a user starts them, and waiting for what they receive. */
public final class TestClients {

    /** How long a network test waits for something that travels the mixnet. */
    public static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(15);

    private TestClients() {}

    /**
     * {@code nymclient init} in {@code home} as localnet scripts it (the authorities pinned from a file, registered at
     * {@code gateway}), the test's {@code traffic} and a fast document refresh written into its config.toml, then what
     * {@code nymclient run} runs.
     */
    public static RunningClient start(InProcessMixnet net, Path home, MixNode gateway, ClientConfig.Traffic traffic) {
        return RunningClient.start(init(net, home, gateway, traffic));
    }

    /** The home {@link #start} runs, made and configured but not started. */
    public static ClientHome init(InProcessMixnet net, Path home, MixNode gateway, ClientConfig.Traffic traffic) {
        Path authorities = home.resolveSibling(home.getFileName() + "-authorities.properties");
        try {
            Files.writeString(authorities, net.directory.authoritySet().toText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int exit = NymClient.commandLine()
                .execute(
                        "init",
                        "--home",
                        home.toString(),
                        "--directory",
                        net.directory.uri().toString(),
                        "--authorities",
                        authorities.toString(),
                        "--gateway",
                        InProcessMixnet.identity(gateway),
                        "--api-port",
                        "0");
        assertEquals(0, exit, "init exit code");
        ClientHome clientHome = new ClientHome(home);
        ClientConfig config = clientHome
                .readConfig()
                .withTraffic(traffic)
                .withDirectory(new ClientConfig.Directory(net.directory.uri(), Duration.ofMillis(500)));
        ClientConfigFile.write(config, clientHome.configFile());
        return clientHome;
    }

    /** Polls {@code condition} until it holds; fails after {@link #ARRIVAL_LIMIT}. */
    public static void await(String what, BooleanSupplier condition) {
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
