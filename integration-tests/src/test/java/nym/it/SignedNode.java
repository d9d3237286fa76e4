package nym.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nym.directory.api.AuthoritySet;
import nym.directory.api.KeyPossession;
import nym.link.LinkKeys;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A node as the directory's wire contract describes it, written from the contract with the JDK's own Ed25519 (not
 * the project's directory-api), so the tests check the server against the documented bytes: signature over
 * {@code "nym-directory-request-v1\n" + path + "\n" + timestamp + "\n" + body}, headers Nym-Timestamp and
 * Nym-Signature, keys and signatures as unpadded base64url.
 *
 * <p>Its presences announce a Sphinx key for the current epoch and the next two (epochs of the test tree's length),
 * each with a proof of possession per authority of the test tree ({@code NYM_NETWORK_HOME}/directory/
 * authorities.properties), made with directory-api's {@link KeyPossession} (the proof is the authorities' business,
 * not the wire's). A node keeps one key per epoch, as a real one does.
 */
final class SignedNode {

    /** The topology authorities of the test tree, which the directory pins too. */
    static final AuthoritySet AUTHORITIES = authorities();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final AtomicLong lastTimestamp = new AtomicLong();
    /** Epoch → X25519 secret of the Sphinx key announced for it. */
    private final Map<Long, byte[]> sphinxSecrets = new ConcurrentHashMap<>();

    SignedNode() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens this node's mix port, answering the directory's reachability probe with this node's identity
     * ({@link ProbeResponder}): announce {@link ProbeResponder#address()} as the node's host (or a gateway's mixnet
     * listener) for it to be listed in epoch documents; close it to make the node unreachable.
     */
    ProbeResponder answerProbes() throws InterruptedException {
        return new ProbeResponder(
                ((EdECPrivateKey) keys.getPrivate()).getBytes().orElseThrow());
    }

    /** The identity key as the wire carries it. */
    String key() {
        byte[] spki = keys.getPublic().getEncoded();
        return B64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** A fresh random 32-byte key text (e.g. an identity key no node has). */
    static String randomKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return B64.encodeToString(k);
    }

    /** The epoch the test tree's schedule is in now: epoch e runs [e·L, (e+1)·L) ms since the Unix epoch. */
    static long currentEpoch() {
        return System.currentTimeMillis() / (AUTHORITIES.epochSeconds() * 1000L);
    }

    /** The Sphinx key this node announces for {@code epoch} (made on first use). */
    String sphinxKey(long epoch) {
        return B64.encodeToString(sphinxPublic(epoch));
    }

    /** {@code "sphinxKeys":[...]}: keys for the current epoch and the next two, each with a proof per authority. */
    String sphinxKeysJson() {
        long current = currentEpoch();
        StringJoiner announced = new StringJoiner(",", "\"sphinxKeys\":[", "]");
        for (long epoch = current; epoch <= current + 2; epoch++) {
            announced.add(announcedKeyJson(epoch, sphinxKey(epoch), proofsJson(epoch)));
        }
        return announced.toString();
    }

    static String announcedKeyJson(long epoch, String key, String proofs) {
        return "{\"epoch\":" + epoch + ",\"key\":\"" + key + "\",\"proofs\":" + proofs + "}";
    }

    /** This node's proofs of possession of its key for {@code epoch}, one per authority: {@code {"<authority>":"<tag>"}}. */
    String proofsJson(long epoch) {
        StringJoiner proofs = new StringJoiner(",", "{", "}");
        for (int i = 1; i <= AUTHORITIES.keys().size(); i++) {
            String tag = KeyPossession.prove(
                    sphinxSecret(epoch),
                    sphinxPublic(epoch),
                    LinkKeys.x25519PublicKey(AUTHORITIES.key(i)),
                    key(),
                    epoch);
            proofs.add("\"" + AUTHORITIES.keys().get(i - 1) + "\":\"" + tag + "\"");
        }
        return proofs.toString();
    }

    private byte[] sphinxSecret(long epoch) {
        return sphinxSecrets.computeIfAbsent(epoch, e -> {
            byte[] secret = new byte[X25519.SCALAR_SIZE];
            X25519.generatePrivateKey(RANDOM, secret);
            return secret;
        });
    }

    private byte[] sphinxPublic(long epoch) {
        byte[] pub = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(sphinxSecret(epoch), 0, pub, 0);
        return pub;
    }

    long nextTimestamp() {
        long now = System.currentTimeMillis();
        return lastTimestamp.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** This node's Ed25519 signature over {@code message} (e.g. the ledger's bond message). */
    byte[] signRaw(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(message);
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(String path, long timestamp, byte[] body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(("nym-directory-request-v1\n" + path + "\n" + timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            s.update(body);
            return B64.encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String mixnodeJson(String host) {
        return "{\"host\":\"" + host + "\",\"identityKey\":\"" + key() + "\"," + sphinxKeysJson()
                + ",\"version\":\"0.1.0\",\"location\":\"Test\"}";
    }

    String gatewayJson(String clientListener, String mixnetListener) {
        return "{\"clientListener\":\"" + clientListener + "\",\"mixnetListener\":\"" + mixnetListener
                + "\",\"identityKey\":\"" + key() + "\"," + sphinxKeysJson()
                + ",\"version\":\"0.1.0\",\"location\":\"X\"}";
    }

    String leaveJson() {
        return "{\"identityKey\":\"" + key() + "\"}";
    }

    /** Signs {@code body} for {@code path} now and posts it. */
    HttpResponse<String> post(URI base, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long ts = nextTimestamp();
        return send(base, path, bytes, Long.toString(ts), sign(path, ts, bytes), "application/json");
    }

    static HttpResponse<String> send(
            URI base, String path, byte[] body, String timestamp, String signature, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (timestamp != null) {
            b.header("Nym-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("Nym-Signature", signature);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AuthoritySet authorities() {
        String home = System.getenv("NYM_NETWORK_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException(
                    "NYM_NETWORK_HOME is not set: run these tests through integration-tests/bin/run");
        }
        try {
            return AuthoritySet.load(Path.of(home).resolve(AuthoritySet.TREE_FILE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
