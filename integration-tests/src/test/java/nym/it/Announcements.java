package nym.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The authorities' announcements (issue 19) as the directory's contract describes them, written and checked with the
 * JDK's own Ed25519 (not with directory-api): an announcement is its JSON bytes in base64url with a signature over
 * {@code "nym-authority-announcement-v1\n"} + those bytes by the pinned key of the index it names.
 */
final class Announcements {

    static final String ANNOUNCE = "/api/authorities/announce";
    static final String SERVED = "/api/authorities";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** The X.509 prefix of a raw 32-byte Ed25519 public key (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Announcements() {}

    /**
     * Every announcement {@code base} serves, by index, each checked against the test tree's pinned key of its index.
     *
     * @throws AssertionError naming the first that does not verify
     */
    static Map<Integer, JsonNode> verified(URI base) throws Exception {
        HttpResponse<String> r = Http.get(base, SERVED);
        if (r.statusCode() != 200) {
            throw new AssertionError(SERVED + " answered " + r.statusCode() + ": " + r.body());
        }
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        for (JsonNode signed : JSON.readTree(r.body()).get("authorities")) {
            byte[] bytes =
                    Base64.getUrlDecoder().decode(signed.get("announcement").asText());
            JsonNode announcement = JSON.readTree(bytes);
            int index = announcement.get("index").asInt();
            String key = SignedNode.AUTHORITIES.keys().get(index - 1);
            if (!key.equals(announcement.get("directoryKey").asText())
                    || !verifies(key, bytes, signed.get("signature").asText())) {
                throw new AssertionError("announcement of authority " + index + " is not signed by its pinned key");
            }
            byIndex.put(index, announcement);
        }
        return byIndex;
    }

    /** An announcement of authority {@code index} with well-formed fields, dated {@code atMillis}. */
    static byte[] json(int index, String directoryKey, String issuerUrl, long atMillis) {
        String address = "0x" + "ab".repeat(20);
        return ("{\"index\":" + index + ",\"directoryKey\":\"" + directoryKey + "\",\"ledgerRpc\":"
                        + "\"http://127.0.0.1:26657\",\"issuerUrl\":\"" + issuerUrl + "\",\"issuerAddress\":\""
                        + address + "\",\"watcherAddress\":\"" + address + "\",\"verifierAddress\":\"" + address
                        + "\",\"dkgKey\":null,\"announcedAtMillis\":" + atMillis + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The body of {@code POST /api/authorities/announce}: {@code announcement} signed with {@code key}. */
    static String signedBody(byte[] announcement, PrivateKey key) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update("nym-authority-announcement-v1\n".getBytes(StandardCharsets.UTF_8));
        s.update(announcement);
        return "{\"announcement\":\"" + B64.encodeToString(announcement) + "\",\"signature\":\""
                + B64.encodeToString(s.sign()) + "\"}";
    }

    static HttpResponse<String> post(URI base, String body) throws Exception {
        return SignedNode.send(base, ANNOUNCE, body.getBytes(StandardCharsets.UTF_8), null, null, "application/json");
    }

    /** Authority {@code index}'s directory key from the test tree (the tests run beside the authorities). */
    static PrivateKey authorityKey(int index) throws Exception {
        Path file = tree().resolve("authorities/authority-" + index + "/directory.key");
        byte[] seed = Base64.getUrlDecoder()
                .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }

    /** A key no authority has. */
    static PrivateKey outsiderKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    }

    /** A string field of authority {@code index}'s public authority.toml in the test tree. */
    static String tomlField(int index, String name) throws Exception {
        String toml = Files.readString(tree().resolve("authorities/authority-" + index + "/authority.toml"));
        return toml.replaceAll("(?s).*\\n" + name + " = \"([^\"]*)\".*", "$1");
    }

    private static boolean verifies(String key, byte[] announcement, String signature) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(key);
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(publicKey);
        s.update("nym-authority-announcement-v1\n".getBytes(StandardCharsets.UTF_8));
        s.update(announcement);
        return s.verify(Base64.getUrlDecoder().decode(signature));
    }

    private static Path tree() {
        return Path.of(System.getenv("NYM_NETWORK_HOME"));
    }
}
