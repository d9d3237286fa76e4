package nym.credential;

import java.util.HexFormat;
import nym.credential.PayloadException.Kind;

/**
 * A provider's ledger address, the verifier identity its credentials are proven to: 20 bytes, written
 * {@code 0x} + 40 lowercase hex digits as the ledger does.
 */
public final class ProviderAddress {
    public static final int BYTES = 20;

    private ProviderAddress() {}

    /** The 20 bytes of {@code 0x…} (40 hex digits, either case); anything else is refused. */
    public static byte[] parse(String text) throws PayloadException {
        if (text == null || !text.startsWith("0x") || text.length() != 2 + 2 * BYTES) {
            throw new PayloadException(Kind.MALFORMED, "not a 0x-prefixed 20-byte address: " + text);
        }
        try {
            return HexFormat.of().parseHex(text, 2, text.length());
        } catch (IllegalArgumentException e) {
            throw new PayloadException(Kind.MALFORMED, "not a 0x-prefixed 20-byte address: " + text, e);
        }
    }

    public static String format(byte[] address) {
        if (address.length != BYTES) {
            throw new IllegalArgumentException("an address has " + BYTES + " bytes");
        }
        return "0x" + HexFormat.of().formatHex(address);
    }
}
