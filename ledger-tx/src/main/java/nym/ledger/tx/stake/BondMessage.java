package nym.ledger.tx.stake;

import java.nio.charset.StandardCharsets;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * What a node's Ed25519 identity key signs to let an owner bond it ({@code BondNode.identity_signature}): the UTF-8
 * bytes of {@code "nym-bond-v1\n" + chain_id + "\n" + owner address as 40 lowercase hex digits}. Binding the chain
 * and the owner means a signature cannot be replayed by someone else or on another chain.
 */
public final class BondMessage {
    public static final int IDENTITY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private BondMessage() {}

    /** The bytes the node's identity key signs for {@code owner} (20-byte address) on {@code chainId}. */
    public static byte[] bytes(String chainId, byte[] owner) {
        if (owner.length != 20) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "owner must be a 20-byte address");
        }
        return ("nym-bond-v1\n" + chainId + "\n" + Hex.lower(owner)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code signature} is the identity key's valid signature of {@link #bytes} for this owner and chain. */
    public static boolean verify(String chainId, byte[] owner, byte[] identityKey, byte[] signature) {
        if (identityKey.length != IDENTITY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        byte[] message = bytes(chainId, owner);
        return Ed25519.verify(signature, 0, identityKey, 0, message, 0, message.length);
    }
}
