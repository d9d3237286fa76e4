package nym.mixnode.stake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;

/**
 * The ledger as a test scripts it: the chain id, the owner's nonce, the node's bond (none by default) and what a
 * broadcast answers (committed by default); it keeps every transaction sent. {@link #down} makes every call fail as
 * an unreachable ledger does.
 */
final class ScriptedStakeLedger implements StakeLedger {

    static final String CHAIN = "nym-test";

    final List<byte[]> broadcasts = new ArrayList<>();
    long nonce = 7;
    BondedNode node;
    TxResult answer = new TxResult("ABCD", 42, 0, "");
    boolean down;

    private void reachable() {
        if (down) {
            throw new LedgerRpcException("no ledger node answered status: scripted outage");
        }
    }

    @Override
    public String chainId() {
        reachable();
        return CHAIN;
    }

    @Override
    public long accountNonce(byte[] address) {
        reachable();
        return nonce;
    }

    @Override
    public Optional<BondedNode> node(byte[] identity) {
        reachable();
        return Optional.ofNullable(node);
    }

    @Override
    public TxResult broadcast(byte[] signedTx) {
        reachable();
        broadcasts.add(signedTx);
        return answer;
    }

    /** Bonding never looks a transaction up (broadcast_tx_commit answers with the block); no block holds one here. */
    @Override
    public Optional<TxResult> transaction(String hash) {
        reachable();
        return Optional.empty();
    }
}
