package nym.directory.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What is signed, byte for byte.
 *
 * <p><b>Requests</b> (presence and metrics POSTs) are signed by the node's Ed25519 identity key over
 *
 * <pre>
 *   "nym-directory-request-v1" LF path LF timestamp LF body
 * </pre>
 *
 * where {@code path} is the request path as sent (e.g. {@code /api/presence/mixnodes}), {@code timestamp} the
 * decimal milliseconds since the epoch sent in {@value #TIMESTAMP_HEADER}, and {@code body} the exact bytes of the
 * HTTP body. The signature goes in {@value #SIGNATURE_HEADER} (unpadded base64url). Signing the bytes as sent means
 * there is no JSON canonicalisation to agree on; signing the path stops a signature for one endpoint being replayed
 * at another; the body names the identity key it is checked against.
 *
 * <p><b>Epoch documents</b> are signed by each authority's key over {@code "nym-epoch-document-v1" LF document}
 * ({@link SignedEpochDocument}); <b>authority announcements</b> by the announcing authority's key over
 * {@code "nym-authority-announcement-v1" LF announcement} ({@link SignedAuthorityAnnouncement}). Both travel as their
 * exact bytes in base64url, so again nothing is canonicalised, and the distinct prefixes keep a signature of one from
 * passing as the other.
 */
public final class Signing {

    public static final String TIMESTAMP_HEADER = "Nym-Timestamp";
    public static final String SIGNATURE_HEADER = "Nym-Signature";

    static final String REQUEST_CONTEXT = "nym-directory-request-v1";
    static final String EPOCH_DOCUMENT_CONTEXT = "nym-epoch-document-v1";
    static final String AUTHORITY_ANNOUNCEMENT_CONTEXT = "nym-authority-announcement-v1";

    private Signing() {}

    /** The exact bytes a request signature covers. */
    public static byte[] requestMessage(String path, long timestampMillis, byte[] body) {
        byte[] head = (REQUEST_CONTEXT + "\n" + path + "\n" + timestampMillis + "\n").getBytes(StandardCharsets.UTF_8);
        return concat(head, body);
    }

    public static String signRequest(Ed25519Identity identity, String path, long timestampMillis, byte[] body) {
        return Keys.encode(identity.sign(requestMessage(path, timestampMillis, body)));
    }

    /**
     * Checks a request signature.
     *
     * @throws DirectoryException {@code MALFORMED_KEY} if key or signature are not well-formed,
     *     {@code BAD_SIGNATURE} if it does not verify
     */
    public static void verifyRequest(
            String identityKey, String path, long timestampMillis, byte[] body, String signature) {
        byte[] key = Keys.decode(identityKey, Keys.PUBLIC_KEY_BYTES, "identityKey");
        byte[] sig = Keys.decode(signature, Keys.SIGNATURE_BYTES, SIGNATURE_HEADER + " header");
        if (!Ed25519Identity.verify(key, requestMessage(path, timestampMillis, body), sig)) {
            throw new DirectoryException(
                    DirectoryException.Kind.BAD_SIGNATURE,
                    "signature does not verify against identityKey over path, timestamp and body");
        }
    }

    /** The exact bytes an authority's signature of an epoch document covers. */
    public static byte[] epochDocumentMessage(byte[] document) {
        return concat((EPOCH_DOCUMENT_CONTEXT + "\n").getBytes(StandardCharsets.UTF_8), document);
    }

    /** The exact bytes an authority's signature of its own announcement covers. */
    public static byte[] authorityAnnouncementMessage(byte[] announcement) {
        return concat((AUTHORITY_ANNOUNCEMENT_CONTEXT + "\n").getBytes(StandardCharsets.UTF_8), announcement);
    }

    /**
     * True when {@code signature} is a well-formed signature by {@code key} (both unpadded base64url) over
     * {@code message}; false for a wrong or malformed one, which count the same for a reader.
     */
    static boolean verifies(String key, byte[] message, String signature) {
        try {
            return Ed25519Identity.verify(
                    Keys.decode(key, Keys.PUBLIC_KEY_BYTES, "authority key"),
                    message,
                    Keys.decode(signature, Keys.SIGNATURE_BYTES, "signature"));
        } catch (DirectoryException malformed) {
            return false;
        }
    }

    /**
     * The signed bytes carried as unpadded base64url in {@code field} of a signed record.
     *
     * @throws DirectoryException {@code JSON} if it is missing or not base64url
     */
    static byte[] signedBytes(String text, String field) {
        if (text == null || text.isEmpty()) {
            throw new DirectoryException(DirectoryException.Kind.JSON, field + " is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new DirectoryException(DirectoryException.Kind.JSON, field + " is not base64url");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
