package nym.coconut.encoding;

import java.util.Base64;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;

/**
 * The text form of an encoding: {@code <type name>.v<version>.<base64url of the binary encoding, no padding>}, e.g.
 * {@code coconut-theta.v1.AQo…}. Parsing is strict: prefix, alphabet, no padding, canonical base64.
 */
public final class TextForm {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longest text accepted (well above the largest encoding at q = 32). */
    public static final int MAX_TEXT = 8192;

    private TextForm() {}

    public static String prefix(TypeTag tag) {
        return tag.textName() + ".v" + Sizes.VERSION + ".";
    }

    public static String encode(TypeTag tag, byte[] binary) {
        return prefix(tag) + ENCODER.encodeToString(binary);
    }

    public static byte[] decode(TypeTag tag, String text) throws CoconutException {
        if (text == null) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "no text");
        }
        if (text.length() > MAX_TEXT) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "text too long");
        }
        String prefix = prefix(tag);
        if (!text.startsWith(prefix)) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "text does not start with " + prefix);
        }
        String body = text.substring(prefix.length());
        byte[] bytes;
        try {
            bytes = DECODER.decode(body);
        } catch (IllegalArgumentException e) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "bad base64url", e);
        }
        if (!ENCODER.encodeToString(bytes).equals(body)) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "non-canonical base64url");
        }
        return bytes;
    }
}
