package nym.mixnode.stake;

import java.util.Optional;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.rpc.TransactionLedger;

/**
 * What bonding a node needs from the ledger: a {@link TransactionLedger} (chain id, the owner's nonce, broadcasting
 * the bond) that also answers the node's bond. {@link RpcStakeLedger} is the real one; tests script it. A ledger
 * that cannot be asked throws {@link LedgerRpcException}.
 */
public interface StakeLedger extends TransactionLedger {

    /** {@code /stake/node}: the node's bond, empty when the ledger has none for this identity. */
    Optional<BondedNode> node(byte[] identity);
}
