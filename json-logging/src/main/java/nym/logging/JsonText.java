package nym.logging;

/**
 * JSON string literals that are plain ASCII whatever they hold.
 *
 * <p>Everything outside printable ASCII is written as a {@code \\uXXXX} escape: the console handler encodes with the
 * platform charset, which under {@code LANG=C} would turn any other character into {@code ?}, and a line break or
 * U+2028 in a message must never split a record over two lines. A surrogate without its partner cannot be encoded in
 * UTF-8 at all (and strict parsers refuse its escape), so it becomes U+FFFD, the replacement character.
 */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /** Appends {@code s} as a quoted JSON string, or {@code null} for a null reference. */
    static void appendString(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                appendUnicodeEscape(out, c);
                appendUnicodeEscape(out, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                appendUnicodeEscape(out, '\uFFFD');
            } else {
                appendChar(out, c);
            }
        }
        out.append('"');
    }

    private static void appendChar(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < 0x20 || c > 0x7e) {
                    appendUnicodeEscape(out, c);
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
