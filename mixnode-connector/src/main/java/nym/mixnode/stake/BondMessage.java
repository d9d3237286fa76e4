package nym.mixnode.stake;

import java.nio.charset.StandardCharsets;
import nym.ledger.Hex;

/**
 * What a node's identity key signs to be bonded (ledger.proto {@code BondNode.identity_signature}): the UTF-8 bytes
 * of {@code "nym-bond-v1\n" + chain_id + "\n" + owner address as 40 lowercase hex digits}. Naming the chain and the
 * owner means a signature can bond the node only on that chain and only to that owner, so nobody bonds a node they do
 * not run.
 */
public final class BondMessage {

    private static final String DOMAIN = "nym-bond-v1";

    private BondMessage() {}

    /** @param owner the owner's 20-byte ledger address */
    public static byte[] of(String chainId, byte[] owner) {
        if (owner.length != 20) {
            throw new IllegalArgumentException("a ledger address has 20 bytes, not " + owner.length);
        }
        return (DOMAIN + "\n" + chainId + "\n" + Hex.lower(owner)).getBytes(StandardCharsets.UTF_8);
    }
}
