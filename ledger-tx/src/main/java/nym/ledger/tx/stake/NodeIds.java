package nym.ledger.tx.stake;

import java.util.Base64;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * A node identity (32 raw bytes of its Ed25519 identity key) as the directory writes it: unpadded base64url, 43
 * characters. Used in every JSON answer of the ledger so the two can be compared as text.
 */
public final class NodeIds {
    private NodeIds() {}

    public static String text(byte[] identity) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(identity);
    }

    /** Parses the 43-character text form; INVALID_ARGUMENT when it is not 32 bytes of base64url. */
    public static byte[] parse(String text) {
        byte[] b;
        try {
            b = Base64.getUrlDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            b = new byte[0];
        }
        if (b.length != BondMessage.IDENTITY_BYTES) {
            throw new LedgerException(
                    Kind.INVALID_ARGUMENT, "node identity must be 32 bytes as unpadded base64url (43 characters)");
        }
        return b;
    }
}
