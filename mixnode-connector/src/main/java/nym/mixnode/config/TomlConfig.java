package nym.mixnode.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.mixnode.bandwidth.LedgerKeyFile;
import nym.mixnode.keys.NodeKeys;
import nym.sphinx.SphinxParams;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseResult;

/**
 * A node's home folder: {@code config.toml} (read with tomlj; every key but {@code node.mode} and
 * {@code directory.url} may be left out and then takes its default), {@code keys/} ({@link NodeKeys}) and
 * {@code data/} (gateway registrations and inboxes). Unknown keys and wrong types are refused with a message naming
 * the key, so a typo never silently falls back to a default.
 */
public final class TomlConfig {

    public static final String FILE = "config.toml";

    private TomlConfig() {}

    private interface Setter extends BiConsumer<MixNodeConfig.Builder, Object> {}

    private static final Map<String, Setter> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("node.location", (b, v) -> b.location((String) v));
        KEYS.put("network.listen_host", (b, v) -> b.listenHost((String) v));
        KEYS.put("network.mixnet_port", (b, v) -> b.mixnetPort(asInt(v)));
        KEYS.put("network.announce_host", (b, v) -> b.announceHost((String) v));
        KEYS.put("network.client_port", (b, v) -> b.clientPort(asInt(v)));
        KEYS.put("network.metrics_port", (b, v) -> b.metricsPort(asIntOrOff(v)));
        KEYS.put("network.metrics_host", (b, v) -> b.metricsHost((String) v));
        KEYS.put("sphinx.payload_size", (b, v) -> b.sphinx(new SphinxParams(asInt(v))));
        KEYS.put("limits.io_threads", (b, v) -> b.ioThreads(asInt(v)));
        KEYS.put("limits.crypto_workers", (b, v) -> b.cryptoWorkers(asInt(v)));
        KEYS.put("limits.crypto_queue", (b, v) -> b.cryptoQueueCapacity(asInt(v)));
        KEYS.put("limits.scheduler_capacity", (b, v) -> b.schedulerCapacity(asInt(v)));
        KEYS.put("limits.outgoing_pending_per_hop", (b, v) -> b.outgoingPendingPerHop(asInt(v)));
        KEYS.put(
                "limits.replay_peak_packets_per_second",
                (b, v) -> b.replayFilter(r -> r.withPeakPacketsPerSecond(asInt(v))));
        KEYS.put(
                "limits.replay_false_positive_rate", (b, v) -> b.replayFilter(r -> r.withFalsePositiveRate(asRate(v))));
        KEYS.put("timing.replay_persist_interval_ms", (b, v) -> b.replayFilter(r -> r.withPersistInterval(millis(v))));
        KEYS.put("limits.inbox_capacity", (b, v) -> b.inboxCapacity(asInt(v)));
        KEYS.put("limits.max_delay_ms", (b, v) -> b.maxDelay(millis(v)));
        KEYS.put("limits.rekey_cells", (b, v) -> b.rekeyCells((Long) v));
        KEYS.put("limits.concurrent_handshakes", (b, v) -> b.concurrentHandshakes(asInt(v)));
        KEYS.put("timing.presence_interval_ms", (b, v) -> b.presenceInterval(millis(v)));
        KEYS.put("timing.metrics_interval_ms", (b, v) -> b.metricsInterval(millis(v)));
        KEYS.put("timing.topology_refresh_ms", (b, v) -> b.topologyRefresh(millis(v)));
        KEYS.put("timing.drain_deadline_ms", (b, v) -> b.drainDeadline(millis(v)));
        KEYS.put("timing.reconnect_min_ms", (b, v) -> b.reconnectMin(millis(v)));
        KEYS.put("timing.reconnect_max_ms", (b, v) -> b.reconnectMax(millis(v)));
        KEYS.put("limits.max_clients", (b, v) -> b.gateway(g -> g.withMaxClients(asInt(v))));
        KEYS.put("timing.inbox_idle_expiry_ms", (b, v) -> b.gateway(g -> g.withInboxIdleExpiry(millis(v))));
        KEYS.put("timing.downlink_cells_per_second", (b, v) -> b.gateway(g -> g.withDownlinkCellsPerSecond(asRate(v))));
        KEYS.put("timing.ack_timeout_ms", (b, v) -> b.gateway(g -> g.withResendAfter(millis(v))));
        KEYS.put("timing.handshake_timeout_ms", (b, v) -> b.handshakeTimeout(millis(v)));
        KEYS.put("bandwidth.report_interval_ms", (b, v) -> b.bandwidth(s -> s.withReportInterval(millis(v))));
        KEYS.put("bandwidth.flush_interval_ms", (b, v) -> b.bandwidth(s -> s.withFlushInterval(millis(v))));
        KEYS.put("bandwidth.ledger_timeout_ms", (b, v) -> b.bandwidth(s -> s.withLedgerTimeout(millis(v))));
        KEYS.put("testing.drop_probability", (b, v) -> b.dropProbability(asRate(v)));
    }

    /** The ledger's RPC nodes of a metered gateway; its ledger key is then {@code keys/ledger.key}. */
    private static final String LEDGER_NODES = "bandwidth.ledger_nodes";

    private static final Set<String> REQUIRED = Set.of("node.mode", "directory.url");
    private static final String AUTHORITY_KEYS = "directory.authority_keys";
    private static final String AUTHORITY_THRESHOLD = "directory.authority_threshold";

    /** Keys of earlier versions, refused with what replaced them (a silent default would be a wrong trust anchor). */
    private static final Map<String, String> REPLACED = Map.of(
            "node.layer",
            "node.layer is gone: the authorities assign each mix node's layer per epoch (remove the line)",
            "directory.key",
            "directory.key is gone: nodes pin the topology authorities (" + AUTHORITY_KEYS + ", " + AUTHORITY_THRESHOLD
                    + "); run `mixnode init --authorities <network tree>/" + AuthoritySet.TREE_FILE
                    + " --force` again");

    /**
     * Nodes learn the schedule from the documents; the epoch length an {@link AuthoritySet} carries is read by the
     * authorities only, so a node's pinned set gets this placeholder.
     */
    private static final long UNUSED_EPOCH_SECONDS = 3600;

    private static int asInt(Object v) {
        long n = (Long) v;
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        return (int) n;
    }

    /** A setting where -1 means "off". */
    private static int asIntOrOff(Object v) {
        return (Long) v == MixNodeConfig.METRICS_OFF ? MixNodeConfig.METRICS_OFF : asInt(v);
    }

    /** A rate, integer or decimal. */
    private static double asRate(Object v) {
        return ((Number) v).doubleValue();
    }

    private static Duration millis(Object v) {
        return Duration.ofMillis((Long) v);
    }

    /** Reads {@code <home>/config.toml} and {@code <home>/keys}. */
    public static MixNodeConfig load(Path home) throws IOException {
        TomlParseResult toml = Toml.parse(home.resolve(FILE));
        if (toml.hasErrors()) {
            throw new IllegalArgumentException(home.resolve(FILE) + ": "
                    + toml.errors().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        for (String key : toml.dottedKeySet()) {
            if (REPLACED.containsKey(key)) {
                throw new IllegalArgumentException(FILE + ": " + REPLACED.get(key));
            }
            if (!KEYS.containsKey(key)
                    && !REQUIRED.contains(key)
                    && !key.equals(LEDGER_NODES)
                    && !key.startsWith(AUTHORITY_KEYS)
                    && !key.equals(AUTHORITY_THRESHOLD)) {
                throw new IllegalArgumentException(FILE + ": unknown key " + key);
            }
        }
        for (String key : REQUIRED) {
            if (!toml.isString(key)) {
                throw new IllegalArgumentException(FILE + ": " + key + " (a string) is required");
            }
        }
        NodeMode mode;
        try {
            mode = NodeMode.parse(toml.getString("node.mode"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE + ": node." + e.getMessage());
        }
        MixNodeConfig.Builder builder = MixNodeConfig.builder(
                mode,
                NodeKeys.load(home.resolve("keys")),
                URI.create(toml.getString("directory.url")),
                home.resolve("data"));
        builder.authorities(authorities(toml));
        builder.keysDir(home.resolve("keys"));
        for (Map.Entry<String, Setter> e : KEYS.entrySet()) {
            Object value = toml.get(e.getKey());
            if (value != null) {
                try {
                    e.getValue().accept(builder, value);
                } catch (ClassCastException | IllegalArgumentException | DirectoryException ex) {
                    throw new IllegalArgumentException(
                            FILE + ": " + e.getKey() + ": wrong type or value (" + ex.getMessage() + ")");
                }
            }
        }
        List<URI> ledgerNodes = ledgerNodes(toml);
        if (!ledgerNodes.isEmpty()) {
            builder.bandwidth(
                    s -> s.withLedger(ledgerNodes, home.resolve("keys").resolve(LedgerKeyFile.NAME)));
        }
        return builder.build();
    }

    private static List<URI> ledgerNodes(TomlParseResult toml) {
        if (!toml.contains(LEDGER_NODES)) {
            return List.of();
        }
        List<URI> nodes = new ArrayList<>();
        try {
            TomlArray array = toml.getArray(LEDGER_NODES);
            for (int i = 0; i < array.size(); i++) {
                nodes.add(URI.create(array.getString(i)));
            }
        } catch (TomlInvalidTypeException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    FILE + ": " + LEDGER_NODES + ": an array of ledger RPC URLs (" + e.getMessage() + ")");
        }
        return nodes;
    }

    private static AuthoritySet authorities(TomlParseResult toml) {
        if (!toml.isArray(AUTHORITY_KEYS) || !toml.isLong(AUTHORITY_THRESHOLD)) {
            throw new IllegalArgumentException(
                    FILE + ": " + AUTHORITY_KEYS + " (an array of strings) and " + AUTHORITY_THRESHOLD
                            + " (a number) are required; `mixnode init --authorities <file>` writes them");
        }
        TomlArray keys = toml.getArray(AUTHORITY_KEYS);
        List<String> list = new ArrayList<>();
        try {
            for (int i = 0; i < keys.size(); i++) {
                list.add(keys.getString(i));
            }
            return new AuthoritySet(list, asInt(toml.getLong(AUTHORITY_THRESHOLD)), UNUSED_EPOCH_SECONDS);
        } catch (TomlInvalidTypeException | IllegalArgumentException | DirectoryException e) {
            throw new IllegalArgumentException(
                    FILE + ": " + AUTHORITY_KEYS + " / " + AUTHORITY_THRESHOLD + ": " + e.getMessage());
        }
    }

    /** A TOML array of basic strings. */
    private static String quoteAll(List<String> values) {
        return values.stream().map(TomlConfig::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A TOML basic string. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    /** Writes {@code config} as {@code <home>/config.toml} (every key, with comments) and its keys to {@code keys/}. */
    public static void write(Path home, MixNodeConfig c) throws IOException {
        Files.createDirectories(home);
        c.keys().save(home.resolve("keys"));
        String text = """
                # mixnode-connector node configuration (written by `mixnode init`; defaults in mixnode-connector/README.md).
                # Keys are in keys/ (mode 0600; Sphinx keys by epoch in keys/sphinx/); replay filters, gateway registrations and
                # inboxes in data/.

                [node]
                mode = %s  # "mix" or "gateway"
                location = %s

                [network]
                listen_host = %s
                mixnet_port = %d  # mix links (0 = a free port, announced)
                announce_host = %s  # the host announced to the directory
                client_port = %d  # gateways: the client listener
                metrics_port = %d  # local GET /metrics (Prometheus text); -1 = off, 0 = a free port
                metrics_host = %s  # where /metrics binds (default 127.0.0.1 whatever listen_host: for the operator)

                [directory]
                url = %s
                # the topology authorities this node trusts (the network tree's directory/authorities.properties):
                # an epoch document counts only with authority_threshold valid signatures of these keys
                authority_keys = %s
                authority_threshold = %d

                [sphinx]
                payload_size = %d  # all nodes and clients of a network must agree

                [limits]
                io_threads = %d
                crypto_workers = %d
                crypto_queue = %d
                scheduler_capacity = %d
                outgoing_pending_per_hop = %d
                replay_peak_packets_per_second = %d  # replay filters are sized for this rate over an epoch + grace
                replay_false_positive_rate = %s  # chance a fresh packet is taken for a replay at that load
                inbox_capacity = %d  # gateways: messages per inbox; more drop the oldest
                max_clients = %d  # gateways: registrations accepted
                max_delay_ms = %d
                rekey_cells = %d  # mix links rekey each direction after this many cells
                concurrent_handshakes = %d  # mix link handshakes the mixnet listener runs at once

                [timing]
                presence_interval_ms = %d
                metrics_interval_ms = %d  # one published metrics window (aggregates only; default 60000)
                topology_refresh_ms = %d
                drain_deadline_ms = %d
                reconnect_min_ms = %d
                reconnect_max_ms = %d
                inbox_idle_expiry_ms = %d  # gateways: a registration and inbox unused this long are deleted
                downlink_cells_per_second = %s  # gateways: cells per client session, messages or dummies
                ack_timeout_ms = %d  # gateways: an unacknowledged message is sent again after this
                handshake_timeout_ms = %d  # a mix link's Noise handshake must complete within this
                replay_persist_interval_ms = %d  # replay filters are written to data/replay/ this often

                [bandwidth]
                # gateways: with ledger nodes the gateway is metered (clients pay with credentials; its ledger key is
                # keys/ledger.key); with none (the default) anyone may use it for free
                ledger_nodes = %s
                report_interval_ms = %d  # an open session is told its balance this often
                flush_interval_ms = %d  # balances lowered by traffic are written to data/bandwidth/ this often
                ledger_timeout_ms = %d  # one ledger RPC call gives up after this long

                [testing]
                # fault injection, never for a real network: a mix node drops this share of the packets it would
                # forward, silently (0 <= p < 1; default 0.0; `mixnode init --drop-probability P`)
                drop_probability = %s
                """.formatted(
                quote(c.mode().text()),
                quote(c.location()),
                quote(c.listenHost()),
                c.mixnetPort(),
                quote(c.announceHost()),
                c.clientPort(),
                c.metricsPort(),
                quote(c.metricsHost()),
                quote(String.valueOf(c.directory())),
                quoteAll(c.authorities().keys()),
                c.authorities().threshold(),
                c.sphinx().payloadSize(),
                c.ioThreads(),
                c.cryptoWorkers(),
                c.cryptoQueueCapacity(),
                c.schedulerCapacity(),
                c.outgoingPendingPerHop(),
                c.replayFilter().peakPacketsPerSecond(),
                c.replayFilter().falsePositiveRate(),
                c.inboxCapacity(),
                c.gateway().maxClients(),
                c.maxDelay().toMillis(),
                c.rekeyCells(),
                c.concurrentHandshakes(),
                c.presenceInterval().toMillis(),
                c.metricsInterval().toMillis(),
                c.topologyRefresh().toMillis(),
                c.drainDeadline().toMillis(),
                c.reconnectMin().toMillis(),
                c.reconnectMax().toMillis(),
                c.gateway().inboxIdleExpiry().toMillis(),
                c.gateway().downlinkCellsPerSecond(),
                c.gateway().resendAfter().toMillis(),
                c.handshakeTimeout().toMillis(),
                c.replayFilter().persistInterval().toMillis(),
                quoteAll(c.bandwidth().ledgerNodes().stream().map(URI::toString).toList()),
                c.bandwidth().reportInterval().toMillis(),
                c.bandwidth().flushInterval().toMillis(),
                c.bandwidth().ledgerTimeout().toMillis(),
                c.dropProbability());
        Files.writeString(home.resolve(FILE), text);
    }
}
