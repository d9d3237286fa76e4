package nym.credential.rpc;

import java.util.Optional;
import nym.credential.rpc.LedgerRpc.TxResult;

/**
 * What every ledger user that signs its own transactions asks of the ledger: the chain id to name, its account's
 * next nonce, sending a transaction and finding it in a block. The network monitor needs no more; the gateway's
 * and the node owner's ledger ports extend it with their own queries. So {@link RpcTransactionLedger} answers these
 * four once for all of them, and each test fake scripts only what its party asks. A ledger that cannot be asked throws {@link
 * LedgerRpcException}; a transaction the ledger refuses is a {@link TxResult} that is not ok.
 */
public interface TransactionLedger {

    /** The chain id a transaction must name. */
    String chainId();

    /** {@code /account}: the nonce of the account's next transaction. */
    long accountNonce(byte[] address);

    /** {@code broadcast_tx_commit}: CheckTx, then the block. */
    TxResult broadcast(byte[] signedTx);

    /** {@code tx}: the committed transaction with this hash, empty when no block holds it. */
    Optional<TxResult> transaction(String hash);
}
