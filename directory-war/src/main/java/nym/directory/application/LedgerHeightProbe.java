package nym.directory.application;

import java.util.concurrent.CompletableFuture;

/** Asks a ledger validator for its latest block height (port; {@code HttpLedgerHeightProbe} asks its /status). */
public interface LedgerHeightProbe {

    /**
     * @param ledgerRpc the validator's RPC URL, as an authority announced it
     * @return completes with the height, or exceptionally (unreachable, malformed answer) within the probe's own timeout
     */
    CompletableFuture<Long> latestHeight(String ledgerRpc);
}
