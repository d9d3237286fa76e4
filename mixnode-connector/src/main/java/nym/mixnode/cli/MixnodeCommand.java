package nym.mixnode.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nym.directory.api.Keys;
import nym.gateway.api.GatewayMessage;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.config.TomlConfig;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.lifecycle.MixNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixnode init | run}: the standalone node. Exit codes: 0 ok, 1 runtime failure, 2 usage or config error. */
@Command(
        name = "mixnode",
        mixinStandardHelpOptions = true,
        version = MixNodeConfig.VERSION,
        description = "Nym mix node / gateway (Netty).",
        subcommands = {MixnodeCommand.Init.class, MixnodeCommand.Run.class})
public final class MixnodeCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line (for tests: no {@code System.exit}). */
    public static int execute(String... args) {
        return new CommandLine(new MixnodeCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("mixnode: " + e.getMessage());
                    return e instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args);
    }

    @Command(name = "init", description = "Write a node home: config.toml and keys/ (non-interactive).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--home", required = true, description = "folder to write (created)")
        Path home;

        @Option(names = "--mode", defaultValue = "mix", description = "mix or gateway (default ${DEFAULT-VALUE})")
        String mode;

        @Option(names = "--layer", defaultValue = "1", description = "mix layer (default ${DEFAULT-VALUE})")
        int layer;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "listen host (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--port", defaultValue = "1789", description = "mixnet port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--announce-host", description = "host announced to the directory (default: --host)")
        String announceHost;

        @Option(
                names = "--client-port",
                defaultValue = "9000",
                description = "gateway client port (default ${DEFAULT-VALUE})")
        int clientPort;

        @Option(
                names = "--metrics-port",
                defaultValue = "-1",
                description =
                        "local GET /metrics (Prometheus text) on the listen host; -1 = off (default), 0 = free port")
        int metricsPort;

        @Option(
                names = "--directory",
                defaultValue = "http://127.0.0.1:28080",
                description = "directory URL (default ${DEFAULT-VALUE})")
        URI directory;

        @Option(names = "--directory-key", description = "pin the directory's topology key (base64url)")
        String directoryKey;

        @Option(names = "--location", defaultValue = "localhost", description = "free text (default ${DEFAULT-VALUE})")
        String location;

        @Option(
                names = "--seed",
                description =
                        "derive the keys from this string (reproducible development networks only; the seed is not secret)")
        String seed;

        @Option(names = "--force", description = "overwrite an existing home")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(home.resolve(TomlConfig.FILE)) && !force) {
                throw new IllegalArgumentException(
                        home.resolve(TomlConfig.FILE) + " exists (use --force to overwrite)");
            }
            NodeMode nodeMode = NodeMode.parse(mode);
            NodeKeys keys = seed == null ? NodeKeys.generate(new SecureRandom()) : NodeKeys.fromSeed(seed);
            MixNodeConfig config = MixNodeConfig.builder(nodeMode, keys, directory, home.resolve("data"))
                    .layer(layer)
                    .listenHost(host)
                    .mixnetPort(port)
                    .announceHost(announceHost)
                    .clientPort(clientPort)
                    .metricsPort(metricsPort)
                    .location(location)
                    .directoryKey(
                            directoryKey == null
                                    ? null
                                    : Keys.decode(directoryKey, GatewayMessage.KEY_BYTES, "--directory-key"))
                    .build();
            TomlConfig.write(home, config);
            PrintWriter out = spec.commandLine().getOut();
            out.println("home " + home);
            out.println("mode " + mode);
            out.println("identity_key " + keys.identityKeyText());
            out.flush();
            return 0;
        }
    }

    @Command(name = "run", description = "Run the node of a home folder until SIGTERM/SIGINT (drains, then exits).")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--home", required = true)
        Path home;

        @Override
        public Integer call() throws Exception {
            MixNodeConfig config = TomlConfig.load(home);
            MixNode node = MixNode.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stopped.countDown();
                }
            }));
            PrintWriter out = spec.commandLine().getOut();
            out.println("mixnode " + config.mode().name().toLowerCase(java.util.Locale.ROOT) + " running: mixnet "
                    + node.mixnetAddress() + (node.clientAddress() == null ? "" : ", clients " + node.clientAddress()));
            out.flush();
            stopped.await();
            return 0;
        }
    }
}
