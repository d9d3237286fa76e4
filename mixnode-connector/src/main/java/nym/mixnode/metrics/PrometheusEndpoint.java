package nym.mixnode.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import nym.link.LinkException;

/**
 * The node's own counters for a local scraper: {@code GET /metrics} in Prometheus' text format (version 0.0.4), off
 * the packet path (one thread of its own; each scrape reads one {@link NodeMetrics.Snapshot}). It binds
 * {@code network.metrics_host} (127.0.0.1 unless the operator chooses otherwise, whatever the listen host): the
 * counters move with the node's traffic, so they are for the operator, not the network. No per-link labels. The
 * directory gets per-window aggregates of the same counters as signed reports; this endpoint needs no directory.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private PrometheusEndpoint(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Binds {@code host:port} (0: a free port) and serves until {@link #close()}. */
    public static PrometheusEndpoint start(String host, int port, Supplier<NodeMetrics.Snapshot> metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mixnode-metrics-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", exchange -> answer(exchange, metrics));
        server.start();
        return new PrometheusEndpoint(server, thread);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void answer(HttpExchange exchange, Supplier<NodeMetrics.Snapshot> metrics) throws IOException {
        try (exchange) {
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "only /metrics is served here\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            } else {
                send(exchange, 200, CONTENT_TYPE, render(metrics.get()));
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

    /** The snapshot in Prometheus' text format: every drop reason appears, 0 included, so rates start at once. */
    static String render(NodeMetrics.Snapshot s) {
        StringBuilder out = new StringBuilder();
        family(out, "nym_mixnode_packets_received_total", "Sphinx packets received from the wire.");
        out.append("nym_mixnode_packets_received_total ").append(s.received()).append('\n');
        family(out, "nym_mixnode_packets_sent_total", "Packets forwarded (all next hops together).");
        out.append("nym_mixnode_packets_sent_total ").append(s.sentTotal()).append('\n');
        family(out, "nym_mixnode_packets_dropped_total", "Packets dropped, by reason (the node never throws one up).");
        for (DropReason reason : DropReason.values()) {
            sample(
                    out,
                    "nym_mixnode_packets_dropped_total",
                    "reason",
                    reason.name().toLowerCase(Locale.ROOT),
                    s.dropped(reason));
        }
        family(out, "nym_mixnode_packets_delivered_total", "Gateways: packets delivered into client inboxes.");
        out.append("nym_mixnode_packets_delivered_total ").append(s.delivered()).append('\n');
        family(out, "nym_mixnode_link_failures_total", "Mix link connections refused or failed, by kind.");
        for (LinkException.Kind kind : LinkException.Kind.values()) {
            sample(
                    out,
                    "nym_mixnode_link_failures_total",
                    "kind",
                    kind.name().toLowerCase(Locale.ROOT),
                    s.linkFailures(kind));
        }
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
    }

    private static void sample(StringBuilder out, String name, String label, String value, long n) {
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
