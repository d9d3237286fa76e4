package nym.directory.application;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The ledger's stake queries (ledger-app README, "Queries"), each answer the ledger's JSON object as it gave it.
 * Empty means the ledger has no such record (or, for {@link #stakeParams}, no stake on this chain).
 *
 * @throws StakeLedgerUnavailable from every method when the ledger cannot be reached in time or answers something
 *     that is not a JSON object
 */
public interface StakeLedger {

    /** The {@code stake} object of {@code /params}; empty when it is null (no stake on this chain). */
    Optional<JsonObject> stakeParams();

    /** {@code /stake/nodes}: every bonded or unbonding node with its stake, status, latest score and totals. */
    Optional<JsonObject> nodes();

    /** {@code /stake/node}: one node with its delegations and its history of the last settled epochs. */
    Optional<JsonObject> node(byte[] identity);

    /** {@code /stake/active}: the active set and performance fixed for {@code epoch}; empty until fixed. */
    Optional<JsonObject> active(long epoch);

    /** {@code /stake/epoch}: the settlement of {@code epoch}; empty until settled. */
    Optional<JsonObject> settlement(long epoch);
}
