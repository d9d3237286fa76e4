package nym.watcher.domain;

import java.util.List;

/** The Ethereum chain as a watcher reads it: the NYM token's deposits (paid into the pipe account). */
public interface DepositChain {

    /** Hash of the genesis block: which chain this is. */
    String genesisHash();

    /** Number of the latest block. */
    long head();

    /** Hash of block {@code number} of the chain as the node sees it now. */
    String blockHash(long number);

    /** Every {@code Deposit} log of the token in blocks {@code from..to} (inclusive), in chain order. */
    List<Deposit> deposits(long from, long to);
}
