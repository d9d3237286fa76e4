package nym.mixnode.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Json;
import nym.directory.api.KeyPossession;
import nym.directory.api.Keys;
import nym.directory.api.LayerAssignment;
import nym.directory.api.LeaveNotice;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixMetricsReport;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Problem;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.Signing;
import nym.directory.api.testing.TestAuthorities;
import nym.link.LinkKeys;
import nym.sphinx.NodeKeyPair;

/**
 * A directory and its topology authorities for tests, in this JVM: a JDK HTTP server on 127.0.0.1 (a free port)
 * speaking the real {@code directory-api} contract for what mix nodes, gateways and clients use. It keeps signed
 * presence POSTs (signature and replay checked with {@link Signing}; each announced key's proofs of possession
 * checked for every test authority), builds epoch documents from the live nodes (layers from {@link LayerAssignment}),
 * signs them with {@link TestAuthorities} (three authorities, threshold two) and serves {@code /api/epochs/current},
 * {@code /next}, {@code /authorities}; takes leave notices and signed metrics POSTs (kept, readable by tests).
 *
 * <p>Epochs come in two flavours. By default a test moves them ({@link #advanceEpoch}, {@link #publishNextEpoch}):
 * epochs 1, 2, 3, … each {@code epochLength} long from the moment it is built, so a test decides when a boundary
 * happens. {@link #startScheduled} follows the real schedule instead (epoch e runs [e·L, (e+1)·L), its document
 * built at start − min(L/4, 300 s)), for tests that let time run. A document never changes once built; the grace
 * after an epoch's end is min(L/4, 120 s), as the authorities have it.
 *
 * <p>Not the directory: no database, no bans by operators, no reachability probe; nodes drop out of documents built
 * {@code expiry} after their last heartbeat, after a leave notice, or when a test calls {@link #removeNode}.
 */
public final class InProcessDirectory implements AutoCloseable {

    /** The network name the layer seeds are computed for ({@link LayerAssignment#seed}). */
    public static final String NETWORK = "in-process";

    private static final Duration SIGNATURE_WINDOW = Duration.ofSeconds(30);
    private static final int MAX_BODY = 65536;
    private static final int AUTHORITIES = 3;
    private static final int THRESHOLD = 2;

    private record Live(Object presence, long lastSeen) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Duration expiry;
    private final int layers;
    private final long epochMillis;
    private final boolean scheduled;
    private final TestAuthorities authorities;
    private final List<byte[]> authoritySecrets = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Live> nodes = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTimestamp = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final List<String> leaves = new CopyOnWriteArrayList<>();
    private final ConcurrentSkipListMap<Long, SignedEpochDocument> documents = new ConcurrentSkipListMap<>();
    private final Set<Integer> signers = ConcurrentHashMap.newKeySet();
    private final List<MixMetricsReport> metrics = new CopyOnWriteArrayList<>();
    private final List<byte[]> metricsBodies = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<String> published = UnaryOperator.identity();
    private volatile SignedEpochDocument servedInstead;
    private volatile EpochDocument.Mixing mixing = new EpochDocument.Mixing(50, 10, 5, 5);

    private InProcessDirectory(Duration expiry, int layers, Duration epochLength, boolean scheduled)
            throws IOException {
        this.expiry = expiry;
        this.layers = layers;
        this.epochMillis = epochLength.toMillis();
        this.scheduled = scheduled;
        this.authorities = new TestAuthorities(AUTHORITIES, THRESHOLD, Math.max(1, epochLength.toSeconds()));
        for (int i = 1; i <= AUTHORITIES; i++) {
            signers.add(i);
            authoritySecrets.add(x25519Secret(authorities.authority(i).secretKey()));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(Paths.MIXNODES, ex -> handle(ex, this::mixnode));
        server.createContext(Paths.GATEWAYS, ex -> handle(ex, this::gateway));
        server.createContext(Paths.LEAVE, ex -> handle(ex, this::leave));
        server.createContext(Paths.EPOCHS, ex -> handle(ex, this::epochs));
        server.createContext(Paths.MIX_METRICS, ex -> handle(ex, this::metricsPost));
        server.setExecutor(executor);
        server.start();
        if (!scheduled) {
            advanceEpoch();
        }
    }

    /** Three layers, nodes expire 10 s after their last heartbeat (the directory's default), epochs moved by the test. */
    public static InProcessDirectory start() throws IOException {
        return start(Duration.ofSeconds(10), 3);
    }

    /**
     * Epochs moved by the test ({@link #advanceEpoch}), each an hour long from when it is built; epoch 1's document
     * is built at once (with no nodes yet: nodes announce themselves once they hold a document).
     */
    public static InProcessDirectory start(Duration expiry, int layers) throws IOException {
        return new InProcessDirectory(expiry, layers, Duration.ofHours(1), false);
    }

    /** Epochs on the real schedule with {@code epochLength} (whole seconds, e.g. 2 to 5 s in tests). */
    public static InProcessDirectory startScheduled(Duration epochLength, int layers) throws IOException {
        return new InProcessDirectory(Duration.ofSeconds(10), layers, epochLength, true);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The pinned authority set of this network (what {@code /api/epochs/authorities} serves). */
    public AuthoritySet authoritySet() {
        return authorities.set();
    }

    /** The test authorities, to sign documents of a test's own making. */
    public TestAuthorities authorities() {
        return authorities;
    }

    /**
     * Builds the document of the epoch after the newest one from the nodes live now, starting now; it is the current
     * epoch from then on. Returns it.
     */
    public synchronized EpochDocument advanceEpoch() {
        return build(nextEpochNumber(), clock.millis());
    }

    /** Builds the next epoch's document now, starting {@code startsIn} from now: served at {@code /next} until then. */
    public synchronized EpochDocument publishNextEpoch(Duration startsIn) {
        return build(nextEpochNumber(), clock.millis() + startsIn.toMillis());
    }

    private long nextEpochNumber() {
        return documents.isEmpty() ? 1 : documents.lastKey() + 1;
    }

    /** The document of the epoch running now (as the directory serves it, before any {@link #serveAsCurrent}). */
    public EpochDocument currentDocument() {
        return current().unverified();
    }

    /** The document of {@code epoch}; throws if it was not built. */
    public EpochDocument document(long epoch) {
        SignedEpochDocument d = documents.get(epoch);
        if (d == null) {
            throw new IllegalArgumentException("no document for epoch " + epoch);
        }
        return d.unverified();
    }

    /**
     * {@code pair} announced as {@code identityKey}'s Sphinx key for {@code epoch}, with a proof of possession for each
     * authority of this network: what a node puts in its presence.
     */
    public AnnouncedKey provenKey(String identityKey, long epoch, NodeKeyPair pair) {
        Map<String, String> proofs = new HashMap<>();
        for (String authority : authorities.set().keys()) {
            byte[] x25519 = LinkKeys.x25519PublicKey(Keys.decode(authority, Keys.PUBLIC_KEY_BYTES, "authority"));
            proofs.put(
                    authority,
                    KeyPossession.prove(
                            pair.privateKeyBytes(), pair.publicKey().toBytes(), x25519, identityKey, epoch));
        }
        return new AnnouncedKey(epoch, Keys.encode(pair.publicKey().toBytes()), proofs);
    }

    /** Documents built from now on are signed by these authorities only (1-based; all three at start). */
    public void signWith(int... authorityIndexes) {
        signers.clear();
        Arrays.stream(authorityIndexes).forEach(signers::add);
    }

    /** Serves {@code document} as the current one instead of this directory's own (null: its own again). */
    public void serveAsCurrent(SignedEpochDocument document) {
        servedInstead = document;
    }

    /** The mixing parameters of documents built from now on. */
    public void mixing(EpochDocument.Mixing value) {
        mixing = value;
    }

    /**
     * Leaves a node out of every document built from now on and ignores its heartbeats (as an operator ban would),
     * until {@link #restoreNode}.
     */
    public void removeNode(String identityKey) {
        removed.add(identityKey);
        nodes.remove(identityKey);
    }

    public void restoreNode(String identityKey) {
        removed.remove(identityKey);
    }

    /** Identity keys of the accepted leave notices, oldest first. */
    public List<String> leaves() {
        return List.copyOf(leaves);
    }

    /** The epochs of the keys {@code identityKey} announced in its latest presence (empty if none). */
    public Set<Long> announcedEpochs(String identityKey) {
        Set<Long> epochs = new TreeSet<>();
        Live live = nodes.get(identityKey);
        if (live != null) {
            announced(live.presence()).forEach(k -> epochs.add(k.epoch()));
        }
        return epochs;
    }

    /**
     * Publishes every announced {@code host:port} as {@code rewrite} maps it, so that a test can put an observer
     * (a relay) in front of each listener: every link then runs through it, as a wiretap on the network would see it.
     */
    public void publishAddresses(UnaryOperator<String> rewrite) {
        published = rewrite;
    }

    /** Every accepted metrics report, oldest first. */
    public List<MixMetricsReport> metrics() {
        return List.copyOf(metrics);
    }

    /** The metrics bodies as text, for assertions on fields beyond {@link MixMetrics}. */
    public List<String> metricsBodiesText() {
        return metricsBodies.stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- documents

    private synchronized SignedEpochDocument current() {
        long now = clock.millis();
        buildScheduled(now);
        return documents.descendingMap().values().stream()
                .filter(d -> d.unverified().startMillis() <= now)
                .findFirst()
                .orElseThrow(() -> new Refused(404, "no epoch has started"));
    }

    private synchronized SignedEpochDocument next() {
        long now = clock.millis();
        buildScheduled(now);
        return documents.values().stream()
                .filter(d -> d.unverified().startMillis() > now)
                .findFirst()
                .orElseThrow(() -> new Refused(404, "the next epoch's document is not built yet"));
    }

    /** On the real schedule: the running epoch's document if missing, the next one from its start − lead. */
    private void buildScheduled(long now) {
        if (!scheduled) {
            return;
        }
        long epoch = now / epochMillis;
        if (!documents.containsKey(epoch)) {
            build(epoch, epoch * epochMillis);
        }
        long nextStart = (epoch + 1) * epochMillis;
        if (now >= nextStart - Math.min(epochMillis / 4, 300_000) && !documents.containsKey(epoch + 1)) {
            build(epoch + 1, nextStart);
        }
    }

    /** Freezes the document of {@code epoch} from the nodes live now and signs it with the current signers. */
    private EpochDocument build(long epoch, long startMillis) {
        long now = clock.millis();
        long endMillis = startMillis + epochMillis;
        byte[] seed = LayerAssignment.seed(NETWORK, epoch);
        List<MixnodePresence> mixes = new ArrayList<>();
        List<EpochDocument.Gateway> gateways = new ArrayList<>();
        nodes.forEach((id, live) -> {
            if (now - live.lastSeen() > expiry.toMillis() || !provesKeysFor(id, live.presence(), epoch)) {
                return;
            }
            if (live.presence() instanceof MixnodePresence m) {
                mixes.add(m);
            } else if (live.presence() instanceof GatewayPresence g) {
                gateways.add(new EpochDocument.Gateway(
                        id,
                        published.apply(g.clientListener()),
                        published.apply(g.mixnetListener()),
                        keyFor(g.sphinxKeys(), epoch),
                        keyFor(g.sphinxKeys(), epoch + 1),
                        g.version(),
                        g.location(),
                        null));
            }
        });
        Map<String, Integer> layerOf = LayerAssignment.assign(
                seed, mixes.stream().map(MixnodePresence::identityKey).toList(), layers);
        List<EpochDocument.Layer> layerList = new ArrayList<>();
        for (int layer = 1; layer <= layers; layer++) {
            int l = layer;
            layerList.add(new EpochDocument.Layer(
                    layer,
                    mixes.stream()
                            .filter(m -> layerOf.get(m.identityKey()) == l)
                            .sorted(Comparator.comparing(MixnodePresence::identityKey))
                            .map(m -> new EpochDocument.Mixnode(
                                    m.identityKey(),
                                    published.apply(m.host()),
                                    l,
                                    keyFor(m.sphinxKeys(), epoch),
                                    keyFor(m.sphinxKeys(), epoch + 1),
                                    m.version(),
                                    m.location(),
                                    null))
                            .toList()));
        }
        gateways.sort(Comparator.comparing(EpochDocument.Gateway::identityKey));
        long grace = Math.min(epochMillis / 4, 120_000);
        EpochDocument document = new EpochDocument(
                EpochDocument.VERSION,
                epoch,
                startMillis,
                endMillis,
                endMillis + grace,
                Keys.encode(seed),
                mixing,
                layerList,
                gateways);
        documents.put(
                epoch,
                authorities.sign(
                        document, signers.stream().mapToInt(Integer::intValue).toArray()));
        return document;
    }

    /** The node announced keys for {@code epoch} and the one after, each proven to every test authority. */
    private boolean provesKeysFor(String identityKey, Object presence, long epoch) {
        List<AnnouncedKey> keys = announced(presence);
        for (long e : new long[] {epoch, epoch + 1}) {
            AnnouncedKey key =
                    keys.stream().filter(k -> k.epoch() == e).findFirst().orElse(null);
            if (key == null || !proven(identityKey, key)) {
                return false;
            }
        }
        return true;
    }

    private boolean proven(String identityKey, AnnouncedKey key) {
        byte[] sphinxKey;
        try {
            sphinxKey = Keys.decode(key.key(), Keys.PUBLIC_KEY_BYTES, "sphinx key");
        } catch (DirectoryException e) {
            return false;
        }
        for (int i = 1; i <= AUTHORITIES; i++) {
            String tag = key.proofs() == null
                    ? null
                    : key.proofs().get(authorities.authority(i).publicKeyText());
            if (tag == null
                    || !KeyPossession.verify(authoritySecrets.get(i - 1), sphinxKey, identityKey, key.epoch(), tag)) {
                return false;
            }
        }
        return true;
    }

    private static List<AnnouncedKey> announced(Object presence) {
        List<AnnouncedKey> keys =
                presence instanceof MixnodePresence m ? m.sphinxKeys() : ((GatewayPresence) presence).sphinxKeys();
        return keys == null ? List.of() : keys;
    }

    private static String keyFor(List<AnnouncedKey> keys, long epoch) {
        return keys.stream()
                .filter(k -> k.epoch() == epoch)
                .findFirst()
                .orElseThrow()
                .key();
    }

    /**
     * An authority's X25519 secret for checking proofs: RFC 8032's secret scalar, the first half of SHA-512 of the
     * Ed25519 seed (X25519 clamps it itself), the scalar whose public form {@code LinkKeys.x25519PublicKey} gives.
     */
    private static byte[] x25519Secret(byte[] ed25519Seed) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(ed25519Seed), 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP

    /** A refusal answered as {@code application/problem+json}. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    private record Answer(int status, byte[] body, String contentType) {}

    private void handle(HttpExchange ex, Function<HttpExchange, Answer> handler) throws IOException {
        try (ex) {
            Answer answer;
            try {
                answer = handler.apply(ex);
            } catch (Refused e) {
                answer = problem(e.status, e.getMessage());
            } catch (DirectoryException e) {
                answer = problem(e.kind() == DirectoryException.Kind.BAD_SIGNATURE ? 401 : 400, e.getMessage());
            }
            ex.getResponseHeaders().add("Content-Type", answer.contentType());
            if (answer.body() == null) {
                ex.sendResponseHeaders(answer.status(), -1);
            } else {
                ex.sendResponseHeaders(answer.status(), answer.body().length);
                ex.getResponseBody().write(answer.body());
            }
        }
    }

    private static Answer problem(int status, String detail) {
        return new Answer(
                status, Json.write(new Problem("about:blank", "refused", status, detail)), "application/problem+json");
    }

    private static Answer json(Object value) {
        return new Answer(200, Json.write(value), "application/json");
    }

    private static final Answer NO_CONTENT = new Answer(204, null, "application/json");

    private Answer epochs(HttpExchange ex) {
        if (!"GET".equals(ex.getRequestMethod())) {
            throw new Refused(405, "GET only");
        }
        String path = ex.getRequestURI().getPath();
        if (path.equals(Paths.EPOCH_CURRENT)) {
            SignedEpochDocument instead = servedInstead;
            return json(instead != null ? instead : current());
        }
        if (path.equals(Paths.EPOCH_NEXT)) {
            return json(next());
        }
        if (path.equals(Paths.AUTHORITIES)) {
            return new Answer(
                    200, authorities.set().toText().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }
        try {
            SignedEpochDocument d = documents.get(Long.parseLong(path.substring(Paths.EPOCHS.length() + 1)));
            if (d == null) {
                throw new Refused(404, "no document for this epoch");
            }
            return json(d);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new Refused(400, "not an epoch number");
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
        if (p.host() == null || p.sphinxKeys() == null || p.sphinxKeys().isEmpty()) {
            throw new Refused(400, "host and sphinxKeys are required");
        }
        accept(p.identityKey(), p);
        return NO_CONTENT;
    }

    private Answer gateway(HttpExchange ex) {
        GatewayPresence p = readSigned(ex, Paths.GATEWAYS, GatewayPresence.class, GatewayPresence::identityKey)
                .value();
        if (p.mixnetListener() == null
                || p.clientListener() == null
                || p.sphinxKeys() == null
                || p.sphinxKeys().isEmpty()) {
            throw new Refused(400, "clientListener, mixnetListener and sphinxKeys are required");
        }
        accept(p.identityKey(), p);
        return NO_CONTENT;
    }

    private void accept(String identityKey, Object presence) {
        if (!removed.contains(identityKey)) {
            nodes.put(identityKey, new Live(presence, clock.millis()));
        }
    }

    private Answer leave(HttpExchange ex) {
        LeaveNotice notice = readSigned(ex, Paths.LEAVE, LeaveNotice.class, LeaveNotice::identityKey)
                .value();
        nodes.remove(notice.identityKey());
        leaves.add(notice.identityKey());
        return NO_CONTENT;
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
        return new Answer(200, Json.write(report), "application/json");
    }
}
