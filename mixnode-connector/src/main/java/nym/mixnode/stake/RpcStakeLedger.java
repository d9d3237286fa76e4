package nym.mixnode.stake;

import java.util.Optional;
import nym.credential.rpc.LedgerRpc;
import nym.credential.rpc.RpcTransactionLedger;

/** {@link StakeLedger} over the ledger's CometBFT RPC ({@link LedgerRpc}); the transactions are its base's. */
public final class RpcStakeLedger extends RpcTransactionLedger implements StakeLedger {

    public RpcStakeLedger(LedgerRpc rpc) {
        super(rpc);
    }

    @Override
    public Optional<BondedNode> node(byte[] identity) {
        return rpc().query("/stake/node", identity).map(BondedNode::fromJson);
    }
}
