package nym.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node as the directory's wire contract describes it, written from the contract with the JDK's own Ed25519 (not
 * the project's directory-api), so the tests check the server against the documented bytes: signature over
 * {@code "nym-directory-request-v1\n" + path + "\n" + timestamp + "\n" + body}, headers Nym-Timestamp and
 * Nym-Signature, keys and signatures as unpadded base64url.
 */
final class SignedNode {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final AtomicLong lastTimestamp = new AtomicLong();

    SignedNode() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity key as the wire carries it. */
    String key() {
        byte[] spki = keys.getPublic().getEncoded();
        return B64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** A fresh random 32-byte key text (e.g. a Sphinx key). */
    static String randomKey() {
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        return B64.encodeToString(k);
    }

    long nextTimestamp() {
        long now = System.currentTimeMillis();
        return lastTimestamp.updateAndGet(last -> Math.max(last + 1, now));
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

    String mixnodeJson(String host, int layer) {
        return "{\"host\":\"" + host + "\",\"identityKey\":\"" + key() + "\",\"sphinxKey\":\"" + randomKey()
                + "\",\"layer\":" + layer + ",\"version\":\"0.1.0\",\"location\":\"Test\"}";
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
}
