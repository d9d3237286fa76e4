package nym.mixnode.stake;

import java.util.Optional;
import nym.credential.rpc.LedgerRpc;
import nym.credential.rpc.LedgerRpc.TxResult;

/** {@link StakeLedger} over the ledger's CometBFT RPC ({@link LedgerRpc}). */
public final class RpcStakeLedger implements StakeLedger {

    private final LedgerRpc rpc;

    public RpcStakeLedger(LedgerRpc rpc) {
        this.rpc = rpc;
    }

    @Override
    public String chainId() {
        return rpc.chainId();
    }

    @Override
    public long accountNonce(byte[] address) {
        return rpc.account(address).nonce();
    }

    @Override
    public Optional<BondedNode> node(byte[] identity) {
        return rpc.query("/stake/node", identity).map(BondedNode::fromJson);
    }

    @Override
    public TxResult broadcast(byte[] signedTx) {
        return rpc.broadcastCommit(signedTx);
    }
}
