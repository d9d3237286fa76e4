package nym.mixnode.stake;

import java.util.Optional;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;

/**
 * What bonding a node needs from the ledger. {@link RpcStakeLedger} is the real one; tests script it. A ledger that
 * cannot be asked throws {@link LedgerRpcException}; a transaction the ledger refuses is a {@link TxResult} that is
 * not ok.
 */
public interface StakeLedger {

    /** The chain id transactions and the bond message name. */
    String chainId();

    /** {@code /account}: the nonce of the account's next transaction. */
    long accountNonce(byte[] address);

    /** {@code /stake/node}: the node's bond, empty when the ledger has none for this identity. */
    Optional<BondedNode> node(byte[] identity);

    /** {@code broadcast_tx_commit}: CheckTx, then the block. */
    TxResult broadcast(byte[] signedTx);
}
