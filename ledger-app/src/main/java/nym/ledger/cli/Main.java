package nym.ledger.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nym.ledger.LedgerException;
import nym.ledger.abci.AbciApplication;
import nym.ledger.abci.AbciServer;
import nym.ledger.bench.LoadGenerator;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.DevKeyEpoch;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.LocalChain;
import nym.ledger.state.LedgerState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ledger-app abci|testnet|genesis|transfer|sign-transfer|delegate|undelegate|dev-dkg|bench}. */
@Command(
        name = "ledger-app",
        mixinStandardHelpOptions = true,
        version = "ledger-app " + AbciApplication.VERSION,
        description =
                "The Nym ledger: ABCI 2.0 application for CometBFT v0.38, and real CometBFT validators on one machine.",
        subcommands = {
            Main.Abci.class,
            Main.Testnet.class,
            Main.GenesisCmd.class,
            Main.Transfer.class,
            Main.SignTransfer.class,
            Main.DelegateCommand.class,
            Main.UndelegateCommand.class,
            Main.DevDkg.class,
            Main.Bench.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a {@link LedgerException} prints its kind and exits with 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof LedgerException le) {
                cmd.getErr().println("error (" + le.kind() + "): " + le.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    private static void runUntilStopped(AutoCloseable service) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                service.close();
                            } catch (Exception e) {
                                System.err.println("error while stopping: " + e);
                            }
                            stop.countDown();
                        },
                        "shutdown"));
        stop.await();
    }

    @Command(
            name = "abci",
            mixinStandardHelpOptions = true,
            description = "Serve the application on an ABCI socket for a CometBFT v0.38 node (proxy_app).")
    static final class Abci implements Callable<Integer> {
        @Option(
                names = "--address",
                defaultValue = "tcp://127.0.0.1:26658",
                description = "Listen address (default: ${DEFAULT-VALUE}).")
        String address;

        @Option(
                names = "--home",
                defaultValue = "ledger-home",
                description = "State directory; state lives in <home>/app (default: ${DEFAULT-VALUE}).")
        Path home;

        @Override
        public Integer call() throws Exception {
            LedgerState state = LedgerState.open(home.resolve("app"));
            AbciServer server;
            try {
                server = AbciServer.start(new AbciApplication(state), address);
            } catch (RuntimeException e) {
                state.close();
                throw e;
            }
            System.out.printf(
                    "ledger-app abci listening on %s (state %s, height %d)%n",
                    server.url(), home.resolve("app"), state.height());
            runUntilStopped(() -> {
                server.close();
                state.close();
            });
            return 0;
        }
    }

    @Command(
            name = "testnet",
            mixinStandardHelpOptions = true,
            description = {
                "Run a chain of real CometBFT validators on this machine, each driving its own `ledger-app abci`"
                        + " (or CometBFT's kvstore, the benchmark baseline). Homes are written under --home on first"
                        + " use (validator i: p2p base+10(i-1), RPC +1, ABCI +2) and reused afterwards."
            })
    static final class Testnet implements Callable<Integer> {
        @Option(names = "--home", defaultValue = "testnet-home", description = "Default: ${DEFAULT-VALUE}.")
        Path home;

        @Option(names = "--validators", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
        int validators;

        @Option(names = "--base-port", defaultValue = "26656", description = "Default: ${DEFAULT-VALUE}.")
        int basePort;

        @Option(
                names = "--block-time",
                defaultValue = "1s",
                converter = DurationConverter.class,
                description = "CometBFT's timeout_commit (default: ${DEFAULT-VALUE}).")
        Duration blockTime;

        @Option(names = "--chain-id", defaultValue = "nym-testnet", description = "Default: ${DEFAULT-VALUE}.")
        String chainId;

        @Option(
                names = "--dev-accounts",
                defaultValue = "100",
                description = "Funded development accounts dev-0.. (default: ${DEFAULT-VALUE}).")
        int devAccounts;

        @Option(
                names = "--app",
                defaultValue = "nym",
                description = "nym (ledger-app abci) or kvstore (CometBFT's own; default: ${DEFAULT-VALUE}).")
        String app;

        @Override
        public Integer call() throws Exception {
            if (!app.equals("nym") && !app.equals("kvstore")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--app is nym or kvstore");
            }
            ChainHomes.Settings settings = ChainHomes.Settings.defaults()
                    .withTimeoutCommit(blockTime)
                    .withBuiltinApp(app.equals("kvstore") ? "kvstore" : null);
            ChainHomes homes = ChainHomes.numbered(home, validators, basePort, settings);
            if (!Files.exists(home.resolve("genesis.json"))) {
                homes.write(GenesisDoc.development(chainId, 3, 2, devAccounts, 1_000_000_000L));
            }
            LocalChain chain = LocalChain.of(homes, System.getProperty("java.class.path"));
            chain.start();
            System.out.printf(
                    "ledger-app testnet: chain %s, %d validators (%s), RPC %s, homes in %s%n",
                    homes.chainId(), validators, app, chain.nodeUrls(0), home.toAbsolutePath());
            runUntilStopped(chain);
            return 0;
        }
    }

    @Command(
            name = "genesis",
            mixinStandardHelpOptions = true,
            description = {
                "Write a development genesis (a CometBFT genesis file with the app_state), or put an"
                        + " app_state into an existing CometBFT genesis (--into), e.g. one written by `cometbft testnet`."
            })
    static final class GenesisCmd implements Callable<Integer> {
        @Option(names = "--chain-id", defaultValue = "nym-testnet")
        String chainId;

        @Option(
                names = "--authorities",
                defaultValue = "3",
                description = "Watchers = issuers = verifiers (default: ${DEFAULT-VALUE}).")
        int authorities;

        @Option(names = "--threshold", defaultValue = "2")
        int threshold;

        @Option(names = "--dev-accounts", defaultValue = "100")
        int devAccounts;

        @Option(names = "--dev-balance", defaultValue = "1000000000")
        long devBalance;

        @Option(
                names = "--app-state",
                description = "JSON file with the app_state (or a genesis containing one)"
                        + " instead of the development one.")
        Path appState;

        @Option(names = "--out", description = "Write a new genesis file here.")
        Path out;

        @Option(
                names = "--into",
                description = "Replace app_state in this CometBFT genesis file (in place);"
                        + " its chain_id and validators are kept.")
        Path into;

        @Override
        public Integer call() throws Exception {
            if ((out == null) == (into == null)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give exactly one of --out, --into");
            }
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode doc = into != null
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(into.toFile())
                    : GenesisDoc.development(chainId, authorities, threshold, devAccounts, devBalance);
            com.fasterxml.jackson.databind.JsonNode app;
            if (appState != null) {
                com.fasterxml.jackson.databind.JsonNode given = json.readTree(appState.toFile());
                app = given.has("app_state") ? given.get("app_state") : given;
            } else {
                app = GenesisDoc.development(chainId, authorities, threshold, devAccounts, devBalance)
                        .get("app_state");
            }
            // validate before writing: the same parser InitChain uses
            nym.ledger.state.Genesis.parse(
                    json.writeValueAsBytes(app), doc.path("chain_id").asText(chainId));
            doc.set("app_state", app);
            Path target = into != null ? into : out;
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Files.write(target, GenesisDoc.toBytes(doc));
            System.out.println("wrote " + target);
            return 0;
        }
    }

    /** What a transfer names: the sender's key (a development seed or a key file), the recipient, the amount. */
    static final class TransferOptions {
        @Option(names = "--from-seed", description = "Development key from a public seed, e.g. dev-0.")
        String fromSeed;

        @Option(names = "--from-key-file", description = "File holding the sender's private key (hex, 32 bytes).")
        Path fromKeyFile;

        @Option(names = "--to", required = true, description = "Recipient address (0x…).")
        String to;

        @Option(names = "--amount", required = true)
        long amount;

        /** The sender's key from exactly one of a development seed or a key file (hex). */
        nym.ledger.tx.Secp256k1.KeyPair key(Object command) throws java.io.IOException {
            if ((fromSeed == null) == (fromKeyFile == null)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(command), "give exactly one of --from-seed, --from-key-file");
            }
            return fromSeed != null
                    ? nym.ledger.tx.Secp256k1.KeyPair.fromSeed(fromSeed)
                    : nym.ledger.tx.Secp256k1.KeyPair.of(
                            nym.ledger.Hex.parse(Files.readString(fromKeyFile).trim(), 32, "private key"));
        }

        byte[] signed(Object command, String chainId, long nonce) throws java.io.IOException {
            return signed(command, new nym.ledger.tx.TxBuilder(chainId), nonce);
        }

        byte[] signed(Object command, nym.ledger.tx.TxBuilder builder, long nonce) throws java.io.IOException {
            return builder.transfer(key(command), nonce, nym.ledger.Hex.parse(to, 20, "recipient"), amount);
        }
    }

    @Command(
            name = "dev-dkg",
            mixinStandardHelpOptions = true,
            description = {
                "On a chain with the development genesis: the development issuers deal in the latest key epoch,"
                        + " then wait until it completed (credential requests are refused until a key epoch has)."
                        + " Prints /dkg/completed."
            })
    static final class DevDkg implements Callable<Integer> {
        @Option(names = "--rpc", defaultValue = "http://127.0.0.1:26657/")
        URI rpc;

        @Option(
                names = "--timeout",
                defaultValue = "120s",
                converter = DurationConverter.class,
                description = "Give up after (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            nym.ledger.comet.CometRpc client = new nym.ledger.comet.CometRpc(rpc, Duration.ofSeconds(30));
            System.out.println(DevKeyEpoch.complete(client, timeout).toPrettyString());
            return 0;
        }
    }

    @Command(
            name = "transfer",
            mixinStandardHelpOptions = true,
            description = "Sign a transfer and send it with broadcast_tx_commit (development and smoke tests).")
    static final class Transfer implements Callable<Integer> {
        @Option(names = "--rpc", defaultValue = "http://127.0.0.1:26657/")
        URI rpc;

        @CommandLine.Mixin
        TransferOptions transfer;

        @Override
        public Integer call() throws Exception {
            return broadcastCommitted(
                    rpc, transfer.key(this), (builder, nonce) -> transfer.signed(this, builder, nonce));
        }
    }

    /** Signs a transaction with a builder for the chain and the sender's current nonce. */
    interface Signing {
        byte[] sign(nym.ledger.tx.TxBuilder builder, long nonce) throws java.io.IOException;
    }

    /**
     * Reads the chain id and the sender's nonce from the node at {@code rpc}, signs and sends the transaction with
     * broadcast_tx_commit and prints the answer; 0 when it was committed with code 0.
     */
    static int broadcastCommitted(URI rpc, nym.ledger.tx.Secp256k1.KeyPair sender, Signing signing)
            throws java.io.IOException {
        nym.ledger.comet.CometRpc client = new nym.ledger.comet.CometRpc(rpc, Duration.ofSeconds(60));
        String chainId =
                client.result("status", null).get("node_info").get("network").asText();
        long nonce = client.query("/account", nym.ledger.Hex.lower(sender.address()))
                .get("nonce")
                .asLong();
        com.fasterxml.jackson.databind.node.ObjectNode p = nym.ledger.comet.CometRpc.params();
        byte[] tx = signing.sign(new nym.ledger.tx.TxBuilder(chainId), nonce);
        p.put("tx", java.util.Base64.getEncoder().encodeToString(tx));
        com.fasterxml.jackson.databind.JsonNode r = client.call("broadcast_tx_commit", p);
        System.out.println(r.toPrettyString());
        if (r.has("error")) {
            return 1;
        }
        var res = r.get("result");
        return res.get("check_tx").get("code").asInt() == 0
                        && res.get("tx_result").get("code").asInt() == 0
                ? 0
                : 1;
    }

    /** What a delegation names: the delegator's key file, the node (its identity as base64url) and the amount. */
    static final class DelegationOptions {
        @Option(names = "--key", required = true, description = "File holding the delegator's private key (hex).")
        Path keyFile;

        @Option(names = "--node", required = true, description = "The node's identity key, unpadded base64url.")
        String node;

        @Option(names = "--amount", required = true)
        long amount;

        @Option(names = "--rpc", defaultValue = "http://127.0.0.1:26657/")
        URI rpc;

        nym.ledger.tx.Secp256k1.KeyPair key() throws java.io.IOException {
            return nym.ledger.tx.Secp256k1.KeyPair.of(
                    nym.ledger.Hex.parse(Files.readString(keyFile).trim(), 32, "private key"));
        }

        byte[] identity() {
            return nym.ledger.tx.stake.NodeIds.parse(node);
        }
    }

    @Command(
            name = "delegate",
            mixinStandardHelpOptions = true,
            description = "Delegate NYM to a bonded node (broadcast_tx_commit); exit 0 once committed.")
    static final class DelegateCommand implements Callable<Integer> {
        @CommandLine.Mixin
        DelegationOptions d;

        @Override
        public Integer call() throws Exception {
            var key = d.key();
            return broadcastCommitted(d.rpc, key, (b, nonce) -> b.delegate(key, nonce, d.identity(), d.amount));
        }
    }

    @Command(
            name = "undelegate",
            mixinStandardHelpOptions = true,
            description =
                    "Withdraw NYM delegated to a node; paid back after the unbonding delay (broadcast_tx_commit).")
    static final class UndelegateCommand implements Callable<Integer> {
        @CommandLine.Mixin
        DelegationOptions d;

        @Override
        public Integer call() throws Exception {
            var key = d.key();
            return broadcastCommitted(d.rpc, key, (b, nonce) -> b.undelegate(key, nonce, d.identity(), d.amount));
        }
    }

    @Command(
            name = "sign-transfer",
            mixinStandardHelpOptions = true,
            description = {
                "Print a signed transfer as base64 (the bytes of broadcast_tx_*), without contacting a node: for"
                        + " clients in other languages that want our signature scheme (ledger-app/rpc-client-test)."
            })
    static final class SignTransfer implements Callable<Integer> {
        @Option(names = "--chain-id", required = true, description = "The chain's id (status: node_info.network).")
        String chainId;

        @Option(names = "--nonce", required = true, description = "The sender's next nonce (/account).")
        long nonce;

        @CommandLine.Mixin
        TransferOptions transfer;

        @Override
        public Integer call() throws Exception {
            System.out.println(java.util.Base64.getEncoder().encodeToString(transfer.signed(this, chainId, nonce)));
            return 0;
        }
    }

    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            description = {
                "Load a chain through broadcast_tx_sync and read back what was committed: signed transfers from its"
                        + " dev accounts (--app nym), or key=value txs of the same size (--app kvstore, the baseline"
                        + " on CometBFT's own app). Prints committed tx/s and commit latency; exits 1 unless every"
                        + " tx was accepted and committed with code 0."
            })
    static final class Bench implements Callable<Integer> {
        @Option(names = "--rpc", defaultValue = "http://127.0.0.1:26657/")
        URI rpc;

        @Option(names = "--app", defaultValue = "nym", description = "nym or kvstore (default: ${DEFAULT-VALUE}).")
        String app;

        @Option(names = "--chain-id", defaultValue = "nym-testnet")
        String chainId;

        @Option(
                names = "--accounts",
                defaultValue = "64",
                description = "Sending accounts (nym; default: ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--first-account", defaultValue = "0")
        int firstAccount;

        @Option(names = "--txs", defaultValue = "20000")
        int txs;

        @Option(names = "--concurrency", defaultValue = "32")
        int concurrency;

        @Option(
                names = "--max-pending",
                defaultValue = "4000",
                description = "Txs sent and not yet committed at most; below the node's mempool size"
                        + " (default: ${DEFAULT-VALUE}).")
        int maxPending;

        @Option(names = "--commit-wait", defaultValue = "120s", converter = DurationConverter.class)
        Duration commitWait;

        @Override
        public Integer call() throws Exception {
            LoadGenerator.App mode = switch (app) {
                case "nym" -> LoadGenerator.App.NYM;
                case "kvstore" -> LoadGenerator.App.KVSTORE;
                default -> throw new CommandLine.ParameterException(new CommandLine(this), "--app is nym or kvstore");
            };
            int connections = mode == LoadGenerator.App.NYM ? Math.min(concurrency, accounts) : concurrency;
            LoadGenerator gen = new LoadGenerator(new LoadGenerator.Settings(
                    rpc, mode, chainId, accounts, firstAccount, txs, connections, maxPending, commitWait));
            LoadGenerator.Result r = gen.run(System.out);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "RESULT app=%s sent=%d accepted=%d refused=%d errors=%d mempool_full_retries=%d committed=%d lost=%d"
                            + " failed_in_block=%d accepted_tps=%.0f committed_tps=%.0f seconds=%.1f blocks=%d"
                            + " max_block_txs=%d latency_ms_p50=%.0f latency_ms_p95=%.0f latency_ms_max=%.0f"
                            + " loader_cpu=%.1f%n",
                    app,
                    r.sent(),
                    r.accepted(),
                    r.refused(),
                    r.errors(),
                    r.mempoolFullRetries(),
                    r.committed(),
                    r.lost(),
                    r.failedInBlock(),
                    r.acceptedPerSecond(),
                    r.committedPerSecond(),
                    r.committedSeconds(),
                    r.blocks(),
                    r.maxBlockTxs(),
                    r.latencyPercentile(50),
                    r.latencyPercentile(95),
                    r.latencyPercentile(100),
                    r.loaderCpuSeconds());
            return r.clean() ? 0 : 1;
        }
    }
}
