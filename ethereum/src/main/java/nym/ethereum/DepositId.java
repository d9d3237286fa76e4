package nym.ethereum;

import java.math.BigInteger;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The identifier under which the ledger counts the watchers' votes for one deposit: one {@code NymToken.Deposit}
 * log. It names the chain and the token as well as the log, so deposits on two chains or of two tokens never share
 * an id, and every log of a transaction is its own deposit: the ledger's 32-byte {@code eth_tx_hash} field carries
 * {@code keccak256(uint256(chainId) ‖ uint256(token) ‖ txHash ‖ uint256(logIndex))} (Solidity:
 * {@code keccak256(abi.encode(block.chainid, token, txHash, logIndex))}), with the log's index in its block as the
 * JSON-RPC {@code logIndex} gives it. Watchers act only on confirmed blocks, so every watcher derives the same id.
 */
public final class DepositId {

    private DepositId() {}

    /** {@code keccak256(abi.encode(chainId, token, txHash, logIndex))}, 32 bytes. */
    public static byte[] of(long chainId, byte[] token, byte[] txHash, BigInteger logIndex) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain ids are positive, not " + chainId);
        }
        if (token.length != 20) {
            throw new IllegalArgumentException("a token address has 20 bytes, not " + token.length);
        }
        if (txHash.length != 32) {
            throw new IllegalArgumentException("a transaction hash has 32 bytes, not " + txHash.length);
        }
        if (logIndex.signum() < 0) {
            throw new IllegalArgumentException("negative log index " + logIndex);
        }
        byte[] input = new byte[128];
        System.arraycopy(Numeric.toBytesPadded(BigInteger.valueOf(chainId), 32), 0, input, 0, 32);
        System.arraycopy(token, 0, input, 44, 20);
        System.arraycopy(txHash, 0, input, 64, 32);
        System.arraycopy(Numeric.toBytesPadded(logIndex, 32), 0, input, 96, 32);
        return Hash.sha3(input);
    }

    /** The same from a {@code 0x} token address and a {@code 0x} transaction hash. */
    public static byte[] of(long chainId, String token, String txHash, BigInteger logIndex) {
        return of(chainId, Numeric.hexStringToByteArray(token), Numeric.hexStringToByteArray(txHash), logIndex);
    }
}
