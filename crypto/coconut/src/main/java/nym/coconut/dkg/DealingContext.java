package nym.coconut.dkg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What one dealing is for: the chain, the key epoch and the dealer's index, bound into every share's encryption (as
 * associated data) and into complaint proofs, so a dealing or complaint cannot be moved to another epoch, chain or
 * dealer. {@link #toBytes()} is {@code u16 len ‖ chainId (UTF-8) ‖ u64 keyEpoch ‖ u16 dealerIndex}.
 */
public record DealingContext(String chainId, long keyEpoch, int dealerIndex) {

    public DealingContext {
        Objects.requireNonNull(chainId);
        if (chainId.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
            throw new IllegalArgumentException("chain id longer than 65535 bytes");
        }
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
        if (dealerIndex < 1 || dealerIndex > 0xFFFF) {
            throw new IllegalArgumentException("dealer index must be in [1, 65535]");
        }
    }

    public byte[] toBytes() {
        byte[] chain = chainId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + chain.length + 8 + 2)
                .putShort((short) chain.length)
                .put(chain)
                .putLong(keyEpoch)
                .putShort((short) dealerIndex)
                .array();
    }
}
