package nym.watcher.domain;

import java.math.BigInteger;
import java.util.Arrays;
import nym.ethereum.DepositId;

/**
 * One {@code Transfer} log of the NYM token into the pipe account: {@code amount} tokens sent by {@code sender},
 * who is credited the same amount on the ledger (its Ethereum address is its ledger address).
 *
 * @param txHash the Ethereum transaction, 0x hex
 * @param logIndex the log's index in its block
 * @param blockNumber the block holding it
 * @param blockHash that block's hash, 0x hex
 * @param sender 20-byte address
 * @param amount token units (the token has no decimals: one unit is one ledger unit)
 */
public record Deposit(
        String txHash, BigInteger logIndex, long blockNumber, String blockHash, byte[] sender, BigInteger amount) {

    private static final BigInteger LEDGER_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public Deposit {
        if (sender.length != 20) {
            throw new IllegalArgumentException("a sender address has 20 bytes, not " + sender.length);
        }
        sender = sender.clone();
    }

    /** The ledger's key of this deposit, {@link DepositId}: every log of a transaction is its own deposit. */
    public byte[] id() {
        return DepositId.of(txHash, logIndex);
    }

    @Override
    public byte[] sender() {
        return sender.clone();
    }

    /** Whether the ledger can credit it: more than nothing, and within the ledger's signed 64-bit amounts. */
    public boolean creditable() {
        return amount.signum() > 0 && amount.compareTo(LEDGER_MAX) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deposit d
                && txHash.equals(d.txHash)
                && logIndex.equals(d.logIndex)
                && blockNumber == d.blockNumber
                && blockHash.equals(d.blockHash)
                && Arrays.equals(sender, d.sender)
                && amount.equals(d.amount);
    }

    @Override
    public int hashCode() {
        return txHash.hashCode() * 31 + logIndex.hashCode();
    }

    @Override
    public String toString() {
        return "deposit " + txHash + "#" + logIndex + " (block " + blockNumber + "): " + amount;
    }
}
