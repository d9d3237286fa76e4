package nym.mixnode.bandwidth;

import java.util.Optional;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;

/**
 * What a metered gateway needs from the ledger (ledger-app README, "Queries"): the network parameters, the completed
 * key epochs' keys, ζ's state, its own account, broadcasting a deposit and following it. {@link RpcGatewayLedger} is
 * the real one; tests script it. A ledger that cannot be asked throws {@link LedgerRpcException}; a transaction the
 * ledger refuses is a {@link TxResult} that is not ok.
 */
public interface GatewayLedger extends KeyEpochVerificationKeys.Ledger {

    /** {@code /params}: bandwidth per NYM and the Coconut parameters. */
    NetworkParams params();

    /** The chain id a deposit must name. */
    String chainId();

    /** {@code /zeta}: {@code unspent}, {@code pending} or {@code spent}. */
    String zetaStatus(byte[] zeta);

    /** {@code /account}: the nonce of the account's next transaction. */
    long accountNonce(byte[] address);

    /** {@code broadcast_tx_commit}: CheckTx, then the block. */
    TxResult broadcast(byte[] signedTx);

    /** {@code tx}: the committed transaction with this hash, empty when no block holds it. */
    Optional<TxResult> transaction(String hash);

    /** {@code /deposit}: {@code pending}, {@code accepted}, {@code rejected} or {@code expired}; empty if unknown. */
    Optional<String> depositStatus(String depositId);
}
