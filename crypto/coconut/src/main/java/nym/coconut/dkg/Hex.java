package nym.coconut.dkg;

import java.util.HexFormat;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;

/** Strict hex for the DKG keys' text forms: exactly the expected number of digits, no prefix, no separators. */
final class Hex {
    private Hex() {}

    /** The {@code bytes} bytes {@code text} spells; never echoes the text (it may be a secret). */
    static byte[] decode(String text, int bytes, String what) throws CoconutException {
        if (text == null || text.length() != 2 * bytes) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, what + " must be " + 2 * bytes + " hex digits");
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the offending text: do not keep it as the cause.
            throw new CoconutException(Kind.MALFORMED_ENCODING, what + " is not hex");
        }
    }
}
