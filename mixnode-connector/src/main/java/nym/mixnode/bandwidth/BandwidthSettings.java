package nym.mixnode.bandwidth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a gateway charges its clients (config section {@code [bandwidth]}, module README "Bandwidth credentials"). With
 * no ledger nodes the gateway is unmetered: it takes no credentials and charges nothing (development networks).
 *
 * @param ledgerNodes the ledger's RPC endpoints, tried in order ({@code bandwidth.ledger_nodes}); empty = unmetered
 * @param ledgerKey the gateway's secp256k1 ledger key file ({@code keys/ledger.key}), the account that redeems spends;
 *     null when unmetered
 * @param reportInterval an open metered session gets {@code Bandwidth(0, balance)} this often
 * @param flushInterval balances lowered by traffic are written to disk this often (credits are written at once)
 * @param ledgerTimeout one RPC call to a ledger node gives up after this long
 */
public record BandwidthSettings(
        List<URI> ledgerNodes,
        Path ledgerKey,
        Duration reportInterval,
        Duration flushInterval,
        Duration ledgerTimeout) {

    public static final BandwidthSettings UNMETERED = new BandwidthSettings(
            List.of(), null, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));

    public BandwidthSettings {
        ledgerNodes = List.copyOf(ledgerNodes);
        if (ledgerNodes.isEmpty() != (ledgerKey == null)) {
            throw new IllegalArgumentException("a metered gateway needs both ledger nodes and its ledger key file");
        }
        for (Duration d : new Duration[] {reportInterval, flushInterval, ledgerTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("bandwidth intervals and the ledger timeout must be positive");
            }
        }
    }

    /** True when the gateway takes credentials and charges traffic. */
    public boolean metered() {
        return !ledgerNodes.isEmpty();
    }

    public BandwidthSettings withLedger(List<URI> nodes, Path key) {
        return new BandwidthSettings(nodes, key, reportInterval, flushInterval, ledgerTimeout);
    }

    public BandwidthSettings withReportInterval(Duration v) {
        return new BandwidthSettings(ledgerNodes, ledgerKey, v, flushInterval, ledgerTimeout);
    }

    public BandwidthSettings withFlushInterval(Duration v) {
        return new BandwidthSettings(ledgerNodes, ledgerKey, reportInterval, v, ledgerTimeout);
    }

    public BandwidthSettings withLedgerTimeout(Duration v) {
        return new BandwidthSettings(ledgerNodes, ledgerKey, reportInterval, flushInterval, v);
    }
}
