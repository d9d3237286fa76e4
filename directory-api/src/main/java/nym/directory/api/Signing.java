package nym.directory.api;

import java.nio.charset.StandardCharsets;

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
 * ({@link SignedEpochDocument}).
 */
public final class Signing {

    public static final String TIMESTAMP_HEADER = "Nym-Timestamp";
    public static final String SIGNATURE_HEADER = "Nym-Signature";

    static final String REQUEST_CONTEXT = "nym-directory-request-v1";
    static final String EPOCH_DOCUMENT_CONTEXT = "nym-epoch-document-v1";

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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
