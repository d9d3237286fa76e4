package nym.monitor;

import java.util.Optional;
import nym.credential.rpc.LedgerRpc;
import nym.credential.rpc.LedgerRpc.TxResult;

/** What the monitor asks of the ledger; each call may throw {@link nym.credential.rpc.LedgerRpcException}. */
public interface MonitorLedger {

    /** The chain id a transaction must name. */
    String chainId();

    /** {@code /account}: the nonce of the account's next transaction. */
    long accountNonce(byte[] address);

    /** {@code broadcast_tx_commit}: CheckTx, then the block. */
    TxResult broadcast(byte[] signedTx);

    /** {@code tx}: the committed transaction with this hash, empty when no block holds it. */
    Optional<TxResult> transaction(String hash);

    /** The ledger's nodes through their RPC. */
    static MonitorLedger over(LedgerRpc rpc) {
        return new MonitorLedger() {
            @Override
            public String chainId() {
                return rpc.chainId();
            }

            @Override
            public long accountNonce(byte[] address) {
                return rpc.account(address).nonce();
            }

            @Override
            public TxResult broadcast(byte[] signedTx) {
                return rpc.broadcastCommit(signedTx);
            }

            @Override
            public Optional<TxResult> transaction(String hash) {
                return rpc.tx(hash);
            }
        };
    }
}
