package nym.monitor.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import nym.monitor.MonitorException;
import nym.monitor.ReliabilityEstimator;

/**
 * A monitor's {@code monitor.toml}: where the network is, the monitor's ledger account and its clients' homes. Paths
 * are absolute here (the file may hold them relative to its folder).
 *
 * @param directory the directory's base URL (the clients read their epoch documents there)
 * @param authorities the network tree's {@code directory/authorities.properties}: its {@code epoch_seconds} is the
 *     monitor's schedule
 * @param ledgerNodes RPC endpoints of the ledger's nodes, tried in order
 * @param key the monitor's ledger account key (secp256k1, 64 hex digits, mode 0600)
 * @param clientHomes one ordinary client home per gateway
 * @param minSamples routes through a node below which the node is not reported
 */
public record MonitorConfig(
        URI directory, Path authorities, List<URI> ledgerNodes, Path key, List<Path> clientHomes, int minSamples) {

    public MonitorConfig {
        ledgerNodes = List.copyOf(ledgerNodes);
        clientHomes = List.copyOf(clientHomes);
        if (ledgerNodes.isEmpty()) {
            throw new MonitorException("ledger.nodes: at least one ledger node");
        }
        if (clientHomes.isEmpty()) {
            throw new MonitorException("clients.homes: at least one client home (one per gateway)");
        }
        if (minSamples < 1 || minSamples > 1_000_000) {
            throw new MonitorException("estimator.min_samples must be in 1..1000000, not " + minSamples);
        }
    }

    public static MonitorConfig defaults(
            URI directory, Path authorities, List<URI> ledgerNodes, Path key, List<Path> clientHomes) {
        return new MonitorConfig(
                directory, authorities, ledgerNodes, key, clientHomes, ReliabilityEstimator.DEFAULT_MIN_SAMPLES);
    }
}
