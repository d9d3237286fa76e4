package nym.mixnode.bandwidth;

import java.util.Optional;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.rpc.TransactionLedger;

/**
 * What a metered gateway needs from the ledger (ledger-app README, "Queries"): the network parameters, the completed
 * key epochs' keys, ζ's state and a deposit's, on top of what {@link TransactionLedger} asks (its own account,
 * broadcasting a deposit and following it). {@link RpcGatewayLedger} is the real one; tests script it. A ledger that cannot be asked throws {@link LedgerRpcException}; a transaction the
 * ledger refuses is a {@link TxResult} that is not ok.
 */
public interface GatewayLedger extends TransactionLedger, KeyEpochVerificationKeys.Ledger {

    /** {@code /params}: bandwidth per NYM and the Coconut parameters. */
    NetworkParams params();

    /** {@code /zeta}: {@code unspent}, {@code pending} or {@code spent}. */
    String zetaStatus(byte[] zeta);

    /** {@code /deposit}: {@code pending}, {@code accepted}, {@code rejected} or {@code expired}; empty if unknown. */
    Optional<String> depositStatus(String depositId);
}
