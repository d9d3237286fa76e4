package nym.directory.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A node's proof that it holds the secret of the Sphinx key it announces, made for one authority (a designated
 * verifier): an X25519 key cannot sign, but its holder can agree on a secret with the authority's X25519 key (the
 * Montgomery form of the authority's Ed25519 key), and only the two of them can compute
 *
 * <pre>
 *   tag = HMAC-SHA256(X25519(sphinx secret, A), "nym-sphinx-key-proof-v1" | identity key | epoch | sphinx key)[0..16]
 * </pre>
 *
 * The authority checks it with X25519(its secret, sphinx key). A node sends one tag per authority; each authority
 * checks its own before it signs a document listing the key, so a key copied from another node (whose secret the
 * copier lacks) never gathers t signatures.
 */
public final class KeyPossession {

    public static final int TAG_BYTES = 16;
    private static final byte[] LABEL = "nym-sphinx-key-proof-v1".getBytes(StandardCharsets.US_ASCII);

    private KeyPossession() {}

    /** The tag, unpadded base64url, for the authority whose X25519 public key is {@code authorityX25519}. */
    public static String prove(
            byte[] sphinxSecret, byte[] sphinxPublic, byte[] authorityX25519, String identityKey, long epoch) {
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(sphinxSecret, 0, authorityX25519, 0, shared, 0)) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, "authority key is a low-order point");
        }
        return Keys.encode(tag(shared, sphinxPublic, identityKey, epoch));
    }

    /**
     * @param authoritySecret the authority's X25519 secret scalar (the Montgomery form of its Ed25519 secret)
     * @return true if {@code tag} proves possession of {@code sphinxPublic}'s secret to this authority
     */
    public static boolean verify(
            byte[] authoritySecret, byte[] sphinxPublic, String identityKey, long epoch, String tag) {
        byte[] given;
        try {
            given = Keys.decode(tag, TAG_BYTES, "key proof");
        } catch (DirectoryException e) {
            return false;
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(authoritySecret, 0, sphinxPublic, 0, shared, 0)) {
            return false;
        }
        return MessageDigest.isEqual(given, tag(shared, sphinxPublic, identityKey, epoch));
    }

    private static byte[] tag(byte[] shared, byte[] sphinxPublic, String identityKey, long epoch) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(shared, "HmacSHA256"));
            mac.update(LABEL);
            mac.update(identityKey.getBytes(StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(epoch).array());
            mac.update(sphinxPublic);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }
}
