package nym.directory.api;

import java.util.Base64;

/**
 * Text form of keys and signatures on the wire: unpadded base64url (RFC 4648 section 5). An Ed25519 public key is
 * {@value #PUBLIC_KEY_BYTES} bytes (43 characters), a signature {@value #SIGNATURE_BYTES} bytes (86 characters); an
 * X25519 Sphinx key is also {@value #PUBLIC_KEY_BYTES} bytes.
 */
public final class Keys {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SECRET_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Keys() {}

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes unpadded base64url of exactly {@code length} bytes.
     *
     * @throws DirectoryException {@link DirectoryException.Kind#MALFORMED_KEY} naming {@code what} otherwise
     */
    public static byte[] decode(String text, int length, String what) {
        if (text == null || text.isEmpty()) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, what + " is missing");
        }
        int expectedChars = (length * 8 + 5) / 6;
        if (text.length() != expectedChars || text.indexOf('=') >= 0) {
            throw new DirectoryException(
                    DirectoryException.Kind.MALFORMED_KEY,
                    what + " must be " + length + " bytes as unpadded base64url (" + expectedChars + " characters)");
        }
        try {
            byte[] bytes = DECODER.decode(text);
            // Reject non-canonical encodings (unused trailing bits set), so one key has exactly one text form.
            if (!ENCODER.encodeToString(bytes).equals(text)) {
                throw new IllegalArgumentException("non-canonical");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new DirectoryException(
                    DirectoryException.Kind.MALFORMED_KEY, what + " is not canonical unpadded base64url");
        }
    }
}
