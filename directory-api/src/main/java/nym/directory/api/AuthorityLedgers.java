package nym.directory.api;

import java.util.List;

/**
 * The ledger height each announced authority's validator reports ({@code GET /api/authorities/ledgers}), as the
 * directory last asked it.
 *
 * @param checkedAt when the directory asked, milliseconds since the epoch
 * @param ledgers one per announced authority, by index
 */
public record AuthorityLedgers(long checkedAt, List<Ledger> ledgers) {

    /**
     * One authority's validator.
     *
     * @param ledgerRpc the RPC URL its announcement names
     * @param height the latest block height its {@code /status} reported, or null when it did not answer in time
     * @param error why there is no height ("unreachable: …"), or null
     */
    public record Ledger(int index, String ledgerRpc, Long height, String error) {}
}
