package nym.ledger.comet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * A chain of real CometBFT validators on this machine, each driving its own {@code ledger-app abci} process (or
 * CometBFT's built-in kvstore): what the tests, the benchmarks and tools start and perturb. Validator and
 * application of each index can be stopped, killed (SIGKILL) and started again on the same home and ports.
 *
 * <p>Start order per validator: the application first (CometBFT refuses to start without its ABCI peer), then the
 * node. {@link #close()} stops the nodes first, then the applications, so no node sees its application vanish.
 */
public final class LocalChain implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int LOWEST_PORT = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    private final ChainHomes homes;
    private final Path cometbft;
    private final String appClasspath;
    private final List<ChildProcess> nodes = new ArrayList<>();
    private final List<ChildProcess> apps = new ArrayList<>();

    private LocalChain(ChainHomes homes, Path cometbft, String appClasspath) {
        this.homes = homes;
        this.cometbft = cometbft;
        this.appClasspath = appClasspath;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < homes.validators().size(); i++) {
            ValidatorSpec v = homes.validators().get(i);
            Path home = homes.home(i);
            nodes.add(new ChildProcess(
                    v.moniker(),
                    List.of(cometbft.toString(), "node", "--home", home.toString()),
                    home.resolve("node.log")));
            apps.add(new ChildProcess(
                    v.moniker() + "-app",
                    List.of(
                            java,
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            appClasspath,
                            "nym.ledger.cli.Main",
                            "abci",
                            "--address",
                            v.abciAddress(),
                            "--home",
                            home.toString()),
                    home.resolve("app.log")));
        }
    }

    /**
     * Writes the homes of {@code validators} validators on free local ports under {@code root} for {@code genesis}
     * and returns the chain, not yet started. The applications run from {@code appClasspath} (a ledger-app jar, or
     * this JVM's class path when null).
     */
    public static LocalChain create(
            Path root, int validators, ObjectNode genesis, ChainHomes.Settings settings, String appClasspath)
            throws IOException {
        List<ValidatorSpec> specs = new ArrayList<>();
        for (int i = 1; i <= validators; i++) {
            specs.add(new ValidatorSpec(
                    "validator-" + i,
                    ValidatorKey.random(),
                    ValidatorKey.random(),
                    freePort(),
                    freePort(),
                    freePort(),
                    0));
        }
        ChainHomes homes = new ChainHomes(root, specs, settings);
        homes.write(genesis);
        return new LocalChain(
                homes,
                CometBinary.locate(),
                appClasspath != null ? appClasspath : System.getProperty("java.class.path"));
    }

    /** A chain of homes already written, its applications run from {@code appClasspath}. */
    public static LocalChain of(ChainHomes homes, String appClasspath) {
        return new LocalChain(homes, CometBinary.locate(), appClasspath);
    }

    public ChainHomes homes() {
        return homes;
    }

    public int size() {
        return homes.validators().size();
    }

    /** Starts every validator and waits until each has committed a block. */
    public LocalChain start() throws IOException, InterruptedException {
        for (int i = 0; i < size(); i++) {
            startApp(i);
        }
        for (int i = 0; i < size(); i++) {
            startNode(i);
        }
        for (int i = 0; i < size(); i++) {
            awaitHeight(i, 1, START_TIMEOUT);
        }
        return this;
    }

    public void startApp(int i) throws IOException, InterruptedException {
        if (homes.settings().builtinApp() != null) {
            return;
        }
        apps.get(i).start();
        awaitListening(homes.validators().get(i).abciPort(), apps.get(i));
    }

    public void startNode(int i) throws IOException {
        nodes.get(i).start();
    }

    public void stopNode(int i) throws InterruptedException {
        nodes.get(i).stop();
    }

    public void killNode(int i) throws InterruptedException {
        nodes.get(i).kill();
    }

    public void killApp(int i) throws InterruptedException {
        apps.get(i).kill();
    }

    public boolean nodeAlive(int i) {
        return nodes.get(i).alive();
    }

    /** Stops validator i (node, then application). */
    public void stopValidator(int i) throws InterruptedException {
        nodes.get(i).stop();
        apps.get(i).stop();
    }

    /** Starts validator i again (application, then node) on its home: CometBFT's handshake brings the app up to date. */
    public void startValidator(int i) throws IOException, InterruptedException {
        startApp(i);
        startNode(i);
    }

    public URI rpcUri(int i) {
        return URI.create(homes.validators().get(i).rpcUrl() + "/");
    }

    public CometRpc rpc(int i) {
        return new CometRpc(rpcUri(i), Duration.ofSeconds(40));
    }

    /** Every validator's RPC URL, comma-separated, validator i first (how an authority names its nodes). */
    public String nodeUrls(int first) {
        List<String> urls = new ArrayList<>();
        for (int k = 0; k < size(); k++) {
            urls.add(homes.validators().get((first + k) % size()).rpcUrl());
        }
        return String.join(",", urls);
    }

    public String chainId() {
        return homes.chainId();
    }

    /** Waits until validator i reports at least {@code height}; fails with the tail of its log. */
    public long awaitHeight(int i, long height, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CometRpc rpc = new CometRpc(rpcUri(i), Duration.ofSeconds(2));
        while (true) {
            try {
                long h = rpc.latestHeight();
                if (h >= height) {
                    return h;
                }
            } catch (LedgerException notYet) {
                // the node is starting or replaying
            }
            if (System.nanoTime() > deadline) {
                throw new LedgerException(
                        Kind.UNAVAILABLE,
                        nodes.get(i) + " did not reach height " + height + " within " + timeout + "; its log ends:\n"
                                + nodes.get(i).tail(30) + "\napp log ends:\n"
                                + apps.get(i).tail(15));
            }
            Thread.sleep(100);
        }
    }

    private void awaitListening(int port, ChildProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                if (!app.alive() || System.nanoTime() > deadline) {
                    throw new LedgerException(
                            Kind.UNAVAILABLE,
                            app + " is not listening on " + port + "; its log ends:\n" + app.tail(30));
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ChildProcess node : nodes) {
            node.stop();
        }
        for (ChildProcess app : apps) {
            app.stop();
        }
    }

    /**
     * A port free now, below the kernel's ephemeral range: a port from {@code bind(0)} lies inside that range, and
     * between our check and CometBFT's bind an outgoing connection of another process may take it (seen: "bind:
     * address already in use" while Payara and anvil were busy). Falls back to {@code bind(0)}.
     */
    static int freePort() throws IOException {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 100 && below > LOWEST_PORT; attempt++) {
            int port = LOWEST_PORT + RANDOM.nextInt(below - LOWEST_PORT);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * The first port of the kernel's ephemeral range. Read as lines: {@code Files.readString} trusts the size procfs
     * reports and returned only the first byte here ("3"), which silently sent every port to {@code bind(0)}.
     */
    static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(java.nio.file.Files.readAllLines(EPHEMERAL_RANGE)
                    .get(0)
                    .trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default
        }
    }
}
