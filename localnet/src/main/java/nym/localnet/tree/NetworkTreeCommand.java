package nym.localnet.tree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code localnet.jar build}: writes the network tree (localnet/README.md, "The network tree"). */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Write keys, configuration and the ledger genesis of every component into a network tree.")
public final class NetworkTreeCommand implements Callable<Integer> {

    private static final Pattern SEED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** localnet's mix nodes (3 layers of 2): with the gateways, the nodes an operator account is written for. */
    static final int LOCALNET_MIXNODES = 6;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "The tree's root folder (e.g. build).")
    Path out;

    @Option(
            names = "--seed",
            description = "Development seed (public!): the same seed gives the same keys to the validators, the pipe"
                    + " account, new providers', gateways' and node operators' ledger accounts, and the clients; never to an authority. Without it they come from the"
                    + " operating system's randomness.")
    String seed;

    @Option(names = "--authorities", defaultValue = "3", description = "Authorities n (default: ${DEFAULT-VALUE}).")
    int authorities;

    @Option(
            names = "--threshold",
            defaultValue = "2",
            description = "Threshold t for issuance, watcher and verifier votes (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(
            names = "--validators",
            defaultValue = "4",
            description = "CometBFT validators of the ledger (default: ${DEFAULT-VALUE}).")
    int validators;

    @Option(
            names = "--ledger-base-port",
            defaultValue = "26656",
            description = "Validator i listens on base+10(i-1) (p2p), +1 (RPC), +2 (its ABCI app), +3 (Prometheus)"
                    + " (default: ${DEFAULT-VALUE}).")
    int ledgerBasePort;

    @Option(names = "--providers", defaultValue = "2", description = "Service providers (default: ${DEFAULT-VALUE}).")
    int providers;

    @Option(
            names = "--gateways",
            defaultValue = "2",
            description = "Gateways' ledger accounts (gateways/gateway-<g>/gateway.key), registered in the genesis as"
                    + " service providers: they redeem the credentials clients spend for bandwidth (default:"
                    + " ${DEFAULT-VALUE}).")
    int gateways;

    @Option(names = "--clients", defaultValue = "2", description = "Client accounts (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--client-genesis-balance",
            defaultValue = "0",
            description = "NYM on each client's ledger account at genesis; 0 = only through Ethereum deposits"
                    + " (default: ${DEFAULT-VALUE}).")
    long clientGenesisBalance;

    @Option(
            names = "--epoch-seconds",
            defaultValue = "3600",
            description = "Length of a topology epoch: the authorities sign a new network document and nodes rotate"
                    + " their Sphinx keys every epoch (default: ${DEFAULT-VALUE}).")
    long epochSeconds;

    @Option(
            names = "--bandwidth-bytes-per-nym",
            defaultValue = "1048576",
            description = "Bytes of mixnet bandwidth a gateway grants per NYM of a credential spent there: the genesis"
                    + " parameter bandwidth_bytes_per_nym (default: ${DEFAULT-VALUE}, 1 MiB).")
    long bandwidthBytesPerNym;

    @Option(
            names = "--operators",
            description =
                    "Node operators' ledger accounts (operators/operator-<k>/operator.key), each funded at genesis"
                            + " to bond one mix node or gateway (default: " + LOCALNET_MIXNODES
                            + " mix nodes + --gateways,"
                            + " localnet's nodes).")
    Integer operators;

    @Option(
            names = "--operator-genesis-balance",
            defaultValue = "1000",
            description = "NYM on each operator's ledger account at genesis (default: ${DEFAULT-VALUE}).")
    long operatorGenesisBalance;

    @Option(
            names = "--no-stake",
            description = "Leave the stake parameters out of the genesis: a chain without bonding, monitors' scores"
                    + " and rewards.")
    boolean noStake;

    @Option(
            names = "--chain-id",
            defaultValue = "nym-localnet",
            description = "Ledger chain id (default: ${DEFAULT-VALUE}).")
    String chainId;

    @Override
    public Integer call() throws Exception {
        if (seed != null && !SEED.matcher(seed).matches()) {
            throw new ParameterException(spec.commandLine(), "--seed: 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        NetworkSize size;
        try {
            size = new NetworkSize(
                    authorities,
                    threshold,
                    validators,
                    providers,
                    gateways,
                    clients,
                    clientGenesisBalance,
                    epochSeconds,
                    bandwidthBytesPerNym,
                    operators == null ? LOCALNET_MIXNODES + gateways : operators,
                    operatorGenesisBalance,
                    !noStake);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(out);
        KeySource keys = seed == null ? KeySource.secure() : KeySource.seeded(seed);
        System.out.printf(
                "writing the network tree into %s: %d authorities (t = %d, each with its own random keys), epochs of"
                        + " %d s, %d validators, %d providers, %d gateways, %d clients, %d node operators, %d bytes of"
                        + " bandwidth per NYM, %s, %s keys for the others%n",
                out,
                authorities,
                threshold,
                epochSeconds,
                validators,
                providers,
                gateways,
                clients,
                size.operators(),
                bandwidthBytesPerNym,
                noStake ? "no stake" : "stake with the authorities' monitors",
                seed == null ? "random" : "seeded (development)");
        NetworkTree.Report report =
                new NetworkTree(out, size, keys, ledgerBasePort).write(chainId, seed == null ? "random" : seed);
        report.written().forEach(f -> System.out.println("  " + f));
        report.kept().forEach(f -> System.out.println("  " + f + " (kept: an existing key is never replaced)"));
        report.monitorKeysAdded()
                .forEach(f -> System.out.println("  " + f.getParent() + ": " + AuthorityInit.MONITOR_KEY_ADDED));
        report.removed()
                .forEach(f -> System.out.println(
                        "  removed " + f + " (a trusted dealer's Coconut key of an older tree: the DKG replaces it)"));
        System.out.printf(
                "%d files written, %d secret files kept; secret files (*.key) are readable by their owner only%n",
                report.written().size(), report.kept().size());
        return 0;
    }
}
