package nym.ledger;

import java.util.HexFormat;

/** Hex helpers: lowercase for addresses ("0x..."), uppercase for CometBFT hashes. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {}

    public static String lower(byte[] b) {
        return LOWER.formatHex(b);
    }

    public static String upper(byte[] b) {
        return UPPER.formatHex(b);
    }

    /** "0x" + lowercase hex, as Ethereum writes addresses and hashes. */
    public static String prefixed(byte[] b) {
        return "0x" + LOWER.formatHex(b);
    }

    /** Parses hex with or without "0x", either case. */
    public static byte[] parse(String s) {
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        try {
            return LOWER.parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "not hex: " + abbreviate(s));
        }
    }

    /** Parses hex that must decode to exactly {@code length} bytes. */
    public static byte[] parse(String s, int length, String what) {
        byte[] b = parse(s);
        if (b.length != length) {
            throw new LedgerException(
                    LedgerException.Kind.INVALID_ARGUMENT, what + " must be " + length + " bytes, got " + b.length);
        }
        return b;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
