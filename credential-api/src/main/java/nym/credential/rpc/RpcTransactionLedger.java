package nym.credential.rpc;

import java.util.Optional;
import nym.credential.rpc.LedgerRpc.TxResult;

/**
 * {@link TransactionLedger} over the ledger's CometBFT RPC ({@link LedgerRpc}). Not final: a port that extends
 * {@link TransactionLedger} with its own queries subclasses this and adds only those, asking {@link #rpc()}.
 */
public class RpcTransactionLedger implements TransactionLedger {

    private final LedgerRpc rpc;

    public RpcTransactionLedger(LedgerRpc rpc) {
        this.rpc = rpc;
    }

    /** The RPC the subclasses' own queries go through. */
    protected final LedgerRpc rpc() {
        return rpc;
    }

    @Override
    public final String chainId() {
        return rpc.chainId();
    }

    @Override
    public final long accountNonce(byte[] address) {
        return rpc.account(address).nonce();
    }

    @Override
    public final TxResult broadcast(byte[] signedTx) {
        return rpc.broadcastCommit(signedTx);
    }

    @Override
    public final Optional<TxResult> transaction(String hash) {
        return rpc.tx(hash);
    }
}
