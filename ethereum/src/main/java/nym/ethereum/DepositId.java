package nym.ethereum;

import java.math.BigInteger;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The identifier under which the ledger counts the watchers' votes for one deposit: one {@code Transfer} log into
 * the pipe account. A transaction can carry several such logs (e.g. {@code NymToken.transferMany}), and each is
 * its own deposit, so the ledger's 32-byte {@code eth_tx_hash} field carries {@code keccak256(txHash ‖ logIndex)}
 * (Solidity: {@code keccak256(abi.encode(txHash, logIndex))}), with the log's index in its block as the JSON-RPC
 * {@code logIndex} gives it. Watchers act only on confirmed blocks, so every watcher derives the same id.
 */
public final class DepositId {

    private DepositId() {}

    /** {@code keccak256(txHash ‖ uint256(logIndex))}, 32 bytes. */
    public static byte[] of(byte[] txHash, BigInteger logIndex) {
        if (txHash.length != 32) {
            throw new IllegalArgumentException("a transaction hash has 32 bytes, not " + txHash.length);
        }
        if (logIndex.signum() < 0) {
            throw new IllegalArgumentException("negative log index " + logIndex);
        }
        byte[] input = new byte[64];
        System.arraycopy(txHash, 0, input, 0, 32);
        System.arraycopy(Numeric.toBytesPadded(logIndex, 32), 0, input, 32, 32);
        return Hash.sha3(input);
    }

    /** The same from a {@code 0x} hex transaction hash. */
    public static byte[] of(String txHash, BigInteger logIndex) {
        return of(Numeric.hexStringToByteArray(txHash), logIndex);
    }
}
