package nym.mixnode.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import nym.credential.ProviderAddress;
import nym.credential.rpc.LedgerRpc;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.ledger.tx.Secp256k1;
import nym.mixnode.bandwidth.LedgerKeyFile;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.config.TomlConfig;
import nym.mixnode.files.DurableFiles;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.lifecycle.MixNode;
import nym.mixnode.stake.NodeStake;
import nym.mixnode.stake.RpcStakeLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnode init | run | bond | unbond}: the standalone node and its stake. Exit codes: 0 ok, 1 runtime failure
 * (an unreachable ledger, a refused transaction), 2 usage or config error.
 */
@Command(
        name = "mixnode",
        mixinStandardHelpOptions = true,
        version = MixNodeConfig.VERSION,
        description = "Nym mix node / gateway (Netty).",
        subcommands = {
            MixnodeCommand.Init.class,
            MixnodeCommand.Run.class,
            MixnodeCommand.Bond.class,
            MixnodeCommand.Unbond.class
        })
public final class MixnodeCommand implements Runnable {

    private static final Logger LOG = Logger.getLogger(MixnodeCommand.class.getName());

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
                    return isConfigError(e) ? 2 : 1;
                })
                .execute(args);
    }

    /** A bad option or file (2) rather than a failure at run time such as an unreachable directory (1). */
    private static boolean isConfigError(Exception e) {
        return e instanceof IllegalArgumentException
                || e instanceof DirectoryException d && d.kind() == DirectoryException.Kind.MALFORMED_KEY;
    }

    @Command(name = "init", description = "Write a node home: config.toml and keys/ (non-interactive).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--home", required = true, description = "folder to write (created)")
        Path home;

        @Option(names = "--mode", defaultValue = "mix", description = "mix or gateway (default ${DEFAULT-VALUE})")
        String mode;

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

        @Option(
                names = "--authorities",
                description = "the network tree's directory/authorities.properties: pin the topology authorities'"
                        + " keys and threshold (default: trust what the directory serves at init, with a warning)")
        Path authorities;

        @Option(names = "--location", defaultValue = "localhost", description = "free text (default ${DEFAULT-VALUE})")
        String location;

        @Option(
                names = "--seed",
                description =
                        "derive the keys from this string (reproducible development networks only; the seed is not secret)")
        String seed;

        @Option(names = "--force", description = "overwrite an existing home")
        boolean force;

        @Option(
                names = "--drop-probability",
                paramLabel = "P",
                defaultValue = "0.0",
                description =
                        "fault injection (tests, demonstrations): a mix node silently drops this share of the"
                                + " packets it would forward, 0 <= P < 1 (default ${DEFAULT-VALUE}; [testing] drop_probability)")
        double dropProbability;

        @Option(
                names = "--ledger",
                split = ",",
                paramLabel = "URL",
                description = "gateways: the ledger's RPC nodes (with --ledger-key: clients pay with credentials)")
        List<URI> ledger;

        @Option(
                names = "--ledger-key",
                paramLabel = "FILE",
                description =
                        "gateways: the network tree's gateways/gateway-<g>/gateway.key (copied to keys/ledger.key)")
        Path ledgerKey;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(home.resolve(TomlConfig.FILE)) && !force) {
                throw new IllegalArgumentException(
                        home.resolve(TomlConfig.FILE) + " exists (use --force to overwrite)");
            }
            NodeMode nodeMode = NodeMode.parse(mode);
            if ((ledger == null) != (ledgerKey == null)) {
                throw new IllegalArgumentException("--ledger and --ledger-key go together (a metered gateway)");
            }
            if (ledger != null && nodeMode != NodeMode.GATEWAY) {
                throw new IllegalArgumentException("--ledger and --ledger-key are for gateways (--mode gateway)");
            }
            Secp256k1.KeyPair account = ledgerKey == null ? null : LedgerKeyFile.read(ledgerKey);
            NodeKeys keys = seed == null ? NodeKeys.generate(new SecureRandom()) : NodeKeys.fromSeed(seed);
            MixNodeConfig config = MixNodeConfig.builder(nodeMode, keys, directory, home.resolve("data"))
                    .listenHost(host)
                    .mixnetPort(port)
                    .announceHost(announceHost)
                    .clientPort(clientPort)
                    .metricsPort(metricsPort)
                    .location(location)
                    .dropProbability(dropProbability)
                    .authorities(pinnedAuthorities())
                    .bandwidth(b -> ledger == null
                            ? b
                            : b.withLedger(ledger, home.resolve("keys").resolve(LedgerKeyFile.NAME)))
                    .build();
            TomlConfig.write(home, config);
            PrintWriter out = spec.commandLine().getOut();
            out.println("home " + home);
            out.println("mode " + mode);
            out.println("identity_key " + keys.identityKeyText());
            if (account != null) {
                DurableFiles.writeSecret(config.bandwidth().ledgerKey(), Files.readAllBytes(ledgerKey));
                out.println("ledger_address " + ProviderAddress.format(account.address()));
                out.println("bandwidth metered");
            } else if (nodeMode == NodeMode.GATEWAY) {
                LOG.warning("no --ledger/--ledger-key: this gateway is unmetered, anyone may use it for free");
                out.println("bandwidth unmetered (WARNING: anyone may use this gateway for free)");
            }
            out.flush();
            return 0;
        }

        private AuthoritySet pinnedAuthorities() throws IOException {
            if (authorities != null) {
                return AuthoritySet.load(authorities);
            }
            AuthoritySet served = new DirectoryClient(directory, null).authorities();
            LOG.warning("no --authorities: trusting the " + served.keys().size() + " authority keys (threshold "
                    + served.threshold() + ") that " + directory + " serves now (trust on first use); pin them from"
                    + " the network tree's " + AuthoritySet.TREE_FILE + " where the directory is not trusted");
            return served;
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

    /** What bonding and unbonding share: the node's home, the ledger and the owner's account. */
    static final class StakeOptions {
        @Option(names = "--home", required = true, description = "the node's home (its identity key and mode)")
        Path home;

        @Option(
                names = "--ledger",
                required = true,
                split = ",",
                paramLabel = "URL",
                description = "the ledger's RPC nodes, tried in order")
        List<URI> ledger;

        @Option(
                names = "--owner-key",
                required = true,
                paramLabel = "FILE",
                description =
                        "the owner's ledger account key (64 hex digits, e.g. operators/operator-<k>/operator.key)")
        Path ownerKey;

        NodeStake open() throws IOException {
            MixNodeConfig config = TomlConfig.load(home);
            Secp256k1.KeyPair owner;
            try {
                owner = LedgerKeyFile.read(ownerKey);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("the owner key file " + ownerKey + " does not exist");
            }
            LedgerRpc rpc = new LedgerRpc(ledger, config.bandwidth().ledgerTimeout());
            return new NodeStake(new RpcStakeLedger(rpc), config.keys(), config.mode(), owner);
        }
    }

    @Command(
            name = "bond",
            description = "Bond this node from the owner's account: make the owner's bond at least --amount NYM"
                    + " (bonds only what is missing; prints \"already bonded: N NYM\" when nothing is).")
    static final class Bond implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StakeOptions stake;

        @Option(names = "--amount", required = true, paramLabel = "N", description = "the bond, whole NYM")
        long amount;

        @Override
        public Integer call() throws IOException {
            if (amount < 1) {
                throw new IllegalArgumentException("--amount is a whole number of NYM, at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(stake.open().bond(amount));
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "unbond",
            description = "Unbond this node: it leaves the active set, and its bond and delegations are paid back"
                    + " after the ledger's unbonding delay.")
    static final class Unbond implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StakeOptions stake;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            out.println(stake.open().unbond());
            out.flush();
            return 0;
        }
    }
}
