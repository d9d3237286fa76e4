package nym.mixnode.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nym.directory.api.DirectoryException;
import nym.directory.api.DirectoryKey;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Json;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixMetricsReport;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Problem;
import nym.directory.api.Signing;
import nym.directory.api.Topology;

/**
 * A directory for tests, in this JVM: a JDK HTTP server on 127.0.0.1 (a free port) speaking the real
 * {@code directory-api} wire contract for what mix nodes, gateways and clients use: signed presence POSTs for mix
 * nodes and gateways (signature and replay checked with directory-api's {@link Signing}), the signed topology GET
 * (its own fresh Ed25519 key), the directory key, and signed metrics POSTs (kept, readable by tests). Not the
 * directory: no database, no bans by operators, no metrics windows; nodes leave the topology {@code expiry} after
 * their last heartbeat, or when a test calls {@link #removeNode}.
 */
public final class InProcessDirectory implements AutoCloseable {

    private static final Duration SIGNATURE_WINDOW = Duration.ofSeconds(30);
    private static final int MAX_BODY = 65536;

    private record Live(Object presence, long lastSeen) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Ed25519Identity key = Ed25519Identity.generate();
    private final Duration expiry;
    private final int layers;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Live> nodes = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTimestamp = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final List<MixMetricsReport> metrics = new CopyOnWriteArrayList<>();
    private final List<byte[]> metricsBodies = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<String> published = UnaryOperator.identity();

    private InProcessDirectory(Duration expiry, int layers) throws IOException {
        this.expiry = expiry;
        this.layers = layers;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(Paths.MIXNODES, ex -> handle(ex, this::mixnode));
        server.createContext(Paths.GATEWAYS, ex -> handle(ex, this::gateway));
        server.createContext(Paths.TOPOLOGY, ex -> handle(ex, this::topology));
        server.createContext(Paths.DIRECTORY_KEY, ex -> handle(ex, this::directoryKeyAnswer));
        server.createContext(Paths.MIX_METRICS, ex -> handle(ex, this::metricsPost));
        server.setExecutor(executor);
        server.start();
    }

    /** Three layers, nodes expire 10 s after their last heartbeat (the directory's default). */
    public static InProcessDirectory start() throws IOException {
        return start(Duration.ofSeconds(10), 3);
    }

    public static InProcessDirectory start(Duration expiry, int layers) throws IOException {
        return new InProcessDirectory(expiry, layers);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The public key that signs topologies (32 bytes). */
    public byte[] directoryKey() {
        return key.publicKey();
    }

    /**
     * Takes a node out of the topology and ignores its heartbeats from now on (as an operator ban would), until
     * {@link #restoreNode}.
     */
    public void removeNode(String identityKey) {
        removed.add(identityKey);
        nodes.remove(identityKey);
    }

    public void restoreNode(String identityKey) {
        removed.remove(identityKey);
    }

    /**
     * Publishes every announced {@code host:port} as {@code rewrite} maps it, so that a test can put an observer
     * (a relay) in front of each listener: every link then runs through it, as a wiretap on the network would see it.
     */
    public void publishAddresses(UnaryOperator<String> rewrite) {
        published = rewrite;
    }

    /** The topology as clients get it (unsigned view, for assertions). */
    public Topology currentTopology() {
        return buildTopology();
    }

    /** Every accepted metrics report, oldest first. */
    public List<MixMetricsReport> metrics() {
        return List.copyOf(metrics);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A refusal answered as {@code application/problem+json}. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    private record Answer(int status, byte[] body, String signature) {}

    private void handle(HttpExchange ex, Function<HttpExchange, Answer> handler) throws IOException {
        try (ex) {
            Answer answer;
            try {
                answer = handler.apply(ex);
            } catch (Refused e) {
                answer = new Answer(
                        e.status, Json.write(new Problem("about:blank", "refused", e.status, e.getMessage())), null);
            } catch (DirectoryException e) {
                int status = e.kind() == DirectoryException.Kind.BAD_SIGNATURE ? 401 : 400;
                answer = new Answer(
                        status, Json.write(new Problem("about:blank", "refused", status, e.getMessage())), null);
            }
            if (answer.signature() != null) {
                ex.getResponseHeaders().add(Signing.SIGNATURE_HEADER, answer.signature());
            }
            ex.getResponseHeaders()
                    .add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
            if (answer.body() == null) {
                ex.sendResponseHeaders(answer.status(), -1);
            } else {
                ex.sendResponseHeaders(answer.status(), answer.body().length);
                ex.getResponseBody().write(answer.body());
            }
        }
    }

    private record Signed<T>(T value, byte[] body) {}

    /** Method, size, JSON, timestamp window, signature, then a strictly newer timestamp than the key's last. */
    private <T> Signed<T> readSigned(HttpExchange ex, String path, Class<T> type, Function<T, String> identityKey) {
        if (!"POST".equals(ex.getRequestMethod())) {
            throw new Refused(405, "POST only");
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new Refused(400, "cannot read body");
        }
        if (body.length > MAX_BODY) {
            throw new Refused(413, "body too large");
        }
        String tsHeader = ex.getRequestHeaders().getFirst(Signing.TIMESTAMP_HEADER);
        String signature = ex.getRequestHeaders().getFirst(Signing.SIGNATURE_HEADER);
        if (tsHeader == null || signature == null) {
            throw new Refused(400, "missing " + Signing.TIMESTAMP_HEADER + " or " + Signing.SIGNATURE_HEADER);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(tsHeader);
        } catch (NumberFormatException e) {
            throw new Refused(400, "malformed " + Signing.TIMESTAMP_HEADER);
        }
        T value = Json.read(body, type);
        if (value == null) {
            throw new Refused(400, "body must be a JSON object");
        }
        String key = identityKey.apply(value);
        if (Math.abs(clock.millis() - timestamp) > SIGNATURE_WINDOW.toMillis()) {
            throw new Refused(401, "timestamp outside the window");
        }
        Signing.verifyRequest(key, path, timestamp, body, signature);
        String counter = path + " " + key;
        Long previous = lastTimestamp.get(counter);
        if (previous != null && timestamp <= previous) {
            throw new Refused(409, "replayed timestamp");
        }
        lastTimestamp.merge(counter, timestamp, Math::max);
        return new Signed<>(value, body);
    }

    private Answer mixnode(HttpExchange ex) {
        MixnodePresence p = readSigned(ex, Paths.MIXNODES, MixnodePresence.class, MixnodePresence::identityKey)
                .value();
        if (p.layer() == null || p.layer() < 1 || p.layer() > layers || p.host() == null || p.sphinxKey() == null) {
            throw new Refused(400, "host, sphinxKey and a layer 1.." + layers + " are required");
        }
        accept(p.identityKey(), p);
        return new Answer(204, null, null);
    }

    private Answer gateway(HttpExchange ex) {
        GatewayPresence p = readSigned(ex, Paths.GATEWAYS, GatewayPresence.class, GatewayPresence::identityKey)
                .value();
        if (p.mixnetListener() == null || p.clientListener() == null || p.sphinxKey() == null) {
            throw new Refused(400, "clientListener, mixnetListener and sphinxKey are required");
        }
        accept(p.identityKey(), p);
        return new Answer(204, null, null);
    }

    private void accept(String identityKey, Object presence) {
        if (!removed.contains(identityKey)) {
            nodes.put(identityKey, new Live(presence, clock.millis()));
        }
    }

    private Answer metricsPost(HttpExchange ex) {
        Signed<MixMetrics> signed = readSigned(ex, Paths.MIX_METRICS, MixMetrics.class, MixMetrics::identityKey);
        MixMetrics m = signed.value();
        Live node = nodes.get(m.identityKey());
        if (node == null || !(node.presence() instanceof MixnodePresence)) {
            throw new Refused(404, "no mix node with this key");
        }
        MixMetricsReport report = new MixMetricsReport(
                m.identityKey(),
                m.received() == null ? 0 : m.received(),
                m.sent() == null ? 0 : m.sent(),
                m.dropped() == null ? Map.of() : m.dropped(),
                m.intervalMillis() == null ? 0 : m.intervalMillis(),
                clock.millis());
        metrics.add(report);
        metricsBodies.add(signed.body());
        return new Answer(200, Json.write(report), null);
    }

    private Answer topology(HttpExchange ex) {
        if (!"GET".equals(ex.getRequestMethod())) {
            throw new Refused(405, "GET only");
        }
        byte[] body = Json.write(buildTopology());
        return new Answer(200, body, Signing.signTopology(key, body));
    }

    private Answer directoryKeyAnswer(HttpExchange ex) {
        return new Answer(200, Json.write(new DirectoryKey("Ed25519", key.publicKeyText())), null);
    }

    private Topology buildTopology() {
        long now = clock.millis();
        List<Topology.Layer> layerList = new ArrayList<>();
        List<Topology.Gateway> gateways = new ArrayList<>();
        List<List<Topology.Mixnode>> byLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            byLayer.add(new ArrayList<>());
        }
        nodes.forEach((identityKey, live) -> {
            if (now - live.lastSeen() > expiry.toMillis()) {
                return;
            }
            if (live.presence() instanceof MixnodePresence m) {
                byLayer.get(m.layer() - 1)
                        .add(new Topology.Mixnode(
                                published.apply(m.host()),
                                identityKey,
                                m.sphinxKey(),
                                m.layer(),
                                m.version(),
                                m.location(),
                                live.lastSeen()));
            } else if (live.presence() instanceof GatewayPresence g) {
                gateways.add(new Topology.Gateway(
                        published.apply(g.clientListener()),
                        published.apply(g.mixnetListener()),
                        identityKey,
                        g.sphinxKey(),
                        g.version(),
                        g.location(),
                        live.lastSeen()));
            }
        });
        for (int i = 0; i < layers; i++) {
            List<Topology.Mixnode> layer = byLayer.get(i);
            layer.sort(Comparator.comparing(Topology.Mixnode::identityKey));
            layerList.add(new Topology.Layer(i + 1, layer));
        }
        gateways.sort(Comparator.comparing(Topology.Gateway::identityKey));
        return new Topology(now, expiry.toMillis(), layerList, gateways, List.of());
    }

    /** The metrics bodies as text, for assertions on fields beyond {@link MixMetrics}. */
    public List<String> metricsBodiesText() {
        return metricsBodies.stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList();
    }
}
