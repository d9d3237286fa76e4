package nym.watcher.domain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import nym.ethereum.DepositId;

/**
 * One {@code Deposit} log of the NYM token: {@code amount} tokens paid into the pipe account by {@code depositor},
 * to be credited to the ledger account {@code recipient} the depositor named.
 *
 * @param id the ledger's key of this deposit, {@link DepositId}: chain id, token, transaction and log index
 * @param txHash the Ethereum transaction, 0x hex
 * @param logIndex the log's index in its block
 * @param blockNumber the block holding it
 * @param blockHash that block's hash, 0x hex
 * @param depositor 20-byte Ethereum address that paid
 * @param recipient 20-byte ledger address to credit
 * @param amount token units (the token has no decimals: one unit is one ledger unit)
 */
public record Deposit(
        byte[] id,
        String txHash,
        BigInteger logIndex,
        long blockNumber,
        String blockHash,
        byte[] depositor,
        byte[] recipient,
        BigInteger amount) {

    private static final BigInteger LEDGER_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public Deposit {
        if (id.length != 32) {
            throw new IllegalArgumentException("a deposit id has 32 bytes, not " + id.length);
        }
        if (depositor.length != 20 || recipient.length != 20) {
            throw new IllegalArgumentException("addresses have 20 bytes");
        }
        id = id.clone();
        depositor = depositor.clone();
        recipient = recipient.clone();
    }

    @Override
    public byte[] id() {
        return id.clone();
    }

    @Override
    public byte[] depositor() {
        return depositor.clone();
    }

    @Override
    public byte[] recipient() {
        return recipient.clone();
    }

    /** Whether the ledger can credit it: more than nothing, and within the ledger's signed 64-bit amounts. */
    public boolean creditable() {
        return amount.signum() > 0 && amount.compareTo(LEDGER_MAX) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deposit d
                && Arrays.equals(id, d.id)
                && txHash.equals(d.txHash)
                && logIndex.equals(d.logIndex)
                && blockNumber == d.blockNumber
                && blockHash.equals(d.blockHash)
                && Arrays.equals(depositor, d.depositor)
                && Arrays.equals(recipient, d.recipient)
                && amount.equals(d.amount);
    }

    @Override
    public int hashCode() {
        return txHash.hashCode() * 31 + logIndex.hashCode();
    }

    @Override
    public String toString() {
        return "deposit " + txHash + "#" + logIndex + " (block " + blockNumber + "): " + amount + " for 0x"
                + HexFormat.of().formatHex(recipient);
    }
}
