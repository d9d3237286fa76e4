package nym.mixnode.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import nym.link.LinkException;
import nym.mixnode.bandwidth.BandwidthCounters;
import nym.mixnode.gateway.GatewayCounters;
import nym.mixnode.gateway.GatewayCounters.SessionRefusal;
import nym.mixnode.pki.DocumentRefusals;

/**
 * The node's own counters for a local scraper: {@code GET /metrics} in Prometheus' text format (version 0.0.4), off
 * the packet path (one thread of its own; each scrape reads one {@link NodeMetrics.Snapshot}). It binds
 * {@code network.metrics_host} (127.0.0.1 unless the operator chooses otherwise, whatever the listen host): the
 * counters move with the node's traffic, so they are for the operator, not the network. No per-link labels. The
 * directory gets per-window aggregates of the same counters as signed reports; this endpoint needs no directory.
 *
 * <p>Refused epoch documents are counted by kind ({@link DocumentRefusals}).
 *
 * <p>A gateway adds its client listener's {@link GatewayCounters} (refusals by kind and reason, expired inboxes, a
 * busy storage executor): labelled by reason only, never by client, and listed only here, not published.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private PrometheusEndpoint(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Binds {@code host:port} (0: a free port) and serves until {@link #close()}; {@code gateway} is the gateway's
     * client listener counters, null for a mix node.
     */
    public static PrometheusEndpoint start(
            String host,
            int port,
            Supplier<NodeMetrics.Snapshot> metrics,
            DocumentRefusals refusals,
            Supplier<ReplayFilterGauges> replay,
            GatewayCounters gateway)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mixnode-metrics-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext(
                "/", exchange -> answer(exchange, () -> render(metrics.get(), refusals, replay.get(), gateway)));
        server.start();
        return new PrometheusEndpoint(server, thread);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void answer(HttpExchange exchange, Supplier<String> metrics) throws IOException {
        try (exchange) {
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "only /metrics is served here\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            } else {
                send(exchange, 200, CONTENT_TYPE, metrics.get());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The snapshot in Prometheus' text format, then the replay filters' gauges, followed by the gateway's counters
     * unless {@code gateway} is null: every drop reason, kind and refusal reason appears, 0 included, so rates start
     * at once.
     */
    static String render(
            NodeMetrics.Snapshot s, DocumentRefusals refusals, ReplayFilterGauges replay, GatewayCounters gateway) {
        StringBuilder out = new StringBuilder();
        counter(out, "nym_mixnode_packets_received_total", "Sphinx packets received from the wire.", s.received());
        counter(out, "nym_mixnode_packets_sent_total", "Packets forwarded (all next hops together).", s.sentTotal());
        counters(
                out,
                "nym_mixnode_packets_dropped_total",
                "Packets dropped, by reason (the node never throws one up).",
                "reason",
                DropReason.values(),
                s::dropped);
        counter(
                out,
                "nym_mixnode_packets_delivered_total",
                "Gateways: packets delivered into client inboxes.",
                s.delivered());
        counters(
                out,
                "nym_mixnode_link_failures_total",
                "Mix link connections refused or failed, by kind.",
                "kind",
                LinkException.Kind.values(),
                s::linkFailures);
        counters(
                out,
                "nym_mixnode_epoch_documents_refused_total",
                "Epoch documents refused, by kind (not_enough_signatures: not signed by the threshold of pinned"
                        + " authorities; stale_epoch: older than one held; expired: past its validity).",
                "kind",
                DocumentRefusals.KINDS,
                refusals::count);
        renderReplayFilters(out, replay);
        if (gateway != null) {
            renderGateway(out, gateway);
        }
        return out.toString();
    }

    /**
     * One sample per key in use, labelled with the key's epoch (public: the epoch documents list every key), and the
     * refused filter files.
     */
    private static void renderReplayFilters(StringBuilder out, ReplayFilterGauges replay) {
        List<ReplayFilterGauges.Filter> filters = replay.filters();
        gauges(
                out,
                "nym_mixnode_replay_filter_fill_ratio",
                "Fraction of the bits set in the replay filter of each Sphinx key in use.",
                filters,
                ReplayFilterGauges.Filter::fillRatio);
        gauges(
                out,
                "nym_mixnode_replay_filter_false_positive_rate",
                "Chance that a fresh packet is dropped as a replay at the filter's current fill.",
                filters,
                ReplayFilterGauges.Filter::expectedFalsePositiveRate);
        gauges(
                out,
                "nym_mixnode_replay_filter_packets",
                "Fresh packets recorded in the filter.",
                filters,
                f -> f.inserted());
        gauges(
                out,
                "nym_mixnode_replay_filter_capacity",
                "Packets the filter is designed for (peak rate times epoch and grace).",
                filters,
                f -> f.capacity());
        gauges(
                out,
                "nym_mixnode_replay_filter_saturated",
                "1 once the filter holds more packets than it is designed for (it keeps forwarding fresh packets).",
                filters,
                f -> f.saturated() ? 1 : 0);
        counter(
                out,
                "nym_mixnode_replay_filter_files_refused_total",
                "Replay filter files refused at start (corrupt or of another key) and replaced by empty filters.",
                replay.refusedFiles());
    }

    private static void gauges(
            StringBuilder out,
            String name,
            String help,
            List<ReplayFilterGauges.Filter> filters,
            ToDoubleFunction<ReplayFilterGauges.Filter> value) {
        family(out, name, help, "gauge");
        for (ReplayFilterGauges.Filter f : filters) {
            sample(out, name, "key_epoch", Long.toString(f.keyEpoch()), value.applyAsDouble(f));
        }
    }

    /** Read counter by counter while clients come and go: each value is current, the families need not add up. */
    private static void renderGateway(StringBuilder out, GatewayCounters g) {
        counters(
                out,
                "nym_gateway_client_link_failures_total",
                "Client link connections refused or failed, by kind.",
                "kind",
                LinkException.Kind.values(),
                g::linkFailures);
        counters(
                out,
                "nym_gateway_sessions_refused_total",
                "Client links closed after the handshake, by reason (registrations_full: the registry was full).",
                "reason",
                SessionRefusal.values(),
                g::refusals);
        counter(
                out,
                "nym_gateway_inboxes_expired_total",
                "Idle registrations removed with their inbox.",
                g.inboxesExpired());
        counter(
                out,
                "nym_gateway_storage_busy_total",
                "Storage tasks refused by a full storage queue (a delivery is dropped, a registering link closed).",
                g.storageBusy());
        renderBandwidth(out, g.bandwidth());
    }

    /** A metered gateway's credentials and bandwidth (all zero on an unmetered one); by outcome, never by client. */
    private static void renderBandwidth(StringBuilder out, BandwidthCounters b) {
        counters(
                out,
                "nym_gateway_spends_total",
                "SpendCredential answers, by outcome (accepted or the refusal).",
                "outcome",
                BandwidthCounters.SpendOutcome.values(),
                b::spends);
        counters(
                out,
                "nym_gateway_deposits_total",
                "Deposits of accepted spends that ended, by outcome (accepted: redeemed; the others took the"
                        + " bandwidth back).",
                "outcome",
                BandwidthCounters.DepositOutcome.values(),
                b::deposits);
        counter(
                out,
                "nym_gateway_bandwidth_granted_bytes_total",
                "Bytes granted for spent credentials.",
                b.bytesGranted());
        counter(
                out,
                "nym_gateway_bandwidth_taken_back_bytes_total",
                "Bytes taken back for deposits the ledger refused or the verifiers rejected.",
                b.bytesTakenBack());
    }

    private static void counter(StringBuilder out, String name, String help, long n) {
        family(out, name, help);
        out.append(name).append(' ').append(n).append('\n');
    }

    /** One sample per value of {@code values}, 0 included, labelled with the value's lower-case name. */
    private static <E extends Enum<E>> void counters(
            StringBuilder out, String name, String help, String label, E[] values, ToLongFunction<E> count) {
        family(out, name, help);
        for (E value : values) {
            sample(out, name, label, value.name().toLowerCase(Locale.ROOT), count.applyAsLong(value));
        }
    }

    private static void family(StringBuilder out, String name, String help) {
        family(out, name, help, "counter");
    }

    private static void family(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, double n) {
        sample(out, name, label, value, Double.toString(n));
    }

    private static void sample(StringBuilder out, String name, String label, String value, long n) {
        sample(out, name, label, value, Long.toString(n));
    }

    private static void sample(StringBuilder out, String name, String label, String value, String n) {
        out.append(name)
                .append('{')
                .append(label)
                .append("=\"")
                .append(escape(value))
                .append("\"} ")
                .append(n)
                .append('\n');
    }

    /** Label values escape backslash, double quote and line feed, as the text format requires. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
