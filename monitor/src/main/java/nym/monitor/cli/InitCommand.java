package nym.monitor.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nym.client.cli.NymClient;
import nym.client.topology.GatewayNode;
import nym.client.topology.TopologySource;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.monitor.MonitorException;
import nym.monitor.MonitorKey;
import nym.monitor.config.MonitorConfig;
import nym.monitor.config.MonitorConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nym-monitor init}: one ordinary client home per gateway of the current signed epoch document, each made by
 * {@code nymclient init} itself (run, not copied: keys, registration at that gateway, with {@code --network-home} the
 * tree client's {@code [credential]} section and a first payment), the monitor key copied into the home (0600), then
 * {@code monitor.toml}. The key and the authorities are checked before any client is made; {@code monitor.toml} is
 * written last, only when every client was made.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Create a monitor: one registered client per gateway, the monitor key, monitor.toml.")
final class InitCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, description = "Monitor home folder.")
    Path home;

    @Option(names = "--directory", required = true, description = "Directory base URL, e.g. http://127.0.0.1:28080")
    URI directory;

    @Option(
            names = "--authorities",
            required = true,
            description = "The network tree's directory/authorities.properties (pinned authorities, epoch length).")
    Path authorities;

    @Option(
            names = "--ledger",
            required = true,
            split = ",",
            description = "RPC URL(s) of the ledger's nodes, comma-separated, tried in order.")
    List<URI> ledger;

    @Option(
            names = "--monitor-key",
            required = true,
            description = "The monitor's ledger key (64 hex digits), copied to <home>/keys/monitor.key.")
    Path monitorKey;

    @Option(
            names = "--network-home",
            description = "Network tree (localnet): each client pays its gateway with the [credential] of tree client"
                    + " --client, as `nymclient init --network-home` does.")
    Path networkHome;

    @Option(
            names = "--client",
            defaultValue = "1",
            description = "Client k of the network tree whose account pays (default: ${DEFAULT-VALUE}).")
    int client;

    @Option(names = "--force", description = "Replace a monitor already in the home (its client homes are removed).")
    boolean force;

    @Override
    public Integer call() {
        Path config = home.resolve(MonitorConfigFile.NAME);
        if (Files.exists(config) && !force) {
            throw new MonitorException(home + " already holds a monitor; not overwriting it without --force");
        }
        Secp256k1.KeyPair account = MonitorKey.read(monitorKey);
        AuthoritySet authoritySet = authoritySet();
        List<GatewayNode> gateways =
                TopologySource.of(directory, authoritySet).fetch().gateways();
        if (gateways.isEmpty()) {
            throw new MonitorException("the current epoch document has no gateway");
        }
        if (force) {
            removeClientHomes();
        }
        List<Path> homes = new ArrayList<>();
        for (int n = 1; n <= gateways.size(); n++) {
            Path clientHome = home.resolve("gateway-" + n);
            initClient(clientHome, gateways.get(n - 1));
            homes.add(clientHome);
        }
        MonitorKey.install(monitorKey, home);
        MonitorConfigFile.write(
                MonitorConfig.defaults(directory, authorities, ledger, home.resolve(MonitorKey.HOME_PATH), homes),
                config);
        System.out.println("monitor initialised in " + home + ": " + homes.size() + " clients, one per gateway;"
                + " ledger account " + Hex.prefixed(account.address()) + "; epochs of "
                + authoritySet.epochSeconds() + " s");
        return 0;
    }

    /** {@code nymclient init} for one gateway, with the same command line a user would type. */
    private void initClient(Path clientHome, GatewayNode gateway) {
        List<String> args = new ArrayList<>(List.of(
                "init",
                "--home",
                clientHome.toString(),
                "--directory",
                directory.toString(),
                "--authorities",
                authorities.toString(),
                "--gateway",
                gateway.identityKey(),
                "--api-port",
                "0"));
        if (networkHome != null) {
            args.addAll(List.of("--network-home", networkHome.toString(), "--client", Integer.toString(client)));
        }
        int exit = NymClient.commandLine().execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw new MonitorException("nymclient init for gateway " + gateway.identityKey() + " in " + clientHome
                    + " failed (exit " + exit + "); the monitor is not initialised");
        }
    }

    private AuthoritySet authoritySet() {
        try {
            return AuthoritySet.load(authorities);
        } catch (IOException | DirectoryException e) {
            throw new MonitorException("cannot read the authorities " + authorities + ": " + e.getMessage(), e);
        }
    }

    /** The {@code gateway-<n>} folders of an earlier init (nothing else in the home is touched). */
    private void removeClientHomes() {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("gateway-[0-9]+"))
                    .toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new MonitorException("cannot remove the old client homes in " + home + ": " + e.getMessage(), e);
        }
    }
}
