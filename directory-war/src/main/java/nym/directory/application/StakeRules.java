package nym.directory.application;

import jakarta.json.JsonObject;

/**
 * The part of the ledger's stake parameters the directory applies.
 *
 * @param scoreThreshold per mille: a node whose performance is below it is left out of the documents
 * @param epochSeconds the ledger's epoch length, which must be the directory's
 */
public record StakeRules(int scoreThreshold, long epochSeconds) {

    /** @throws StakeLedgerUnavailable when {@code stake} lacks a field or has one of the wrong type */
    static StakeRules of(JsonObject stake) {
        return LedgerJson.read(
                "/params stake",
                () -> new StakeRules(
                        stake.getInt("score_threshold"), Long.parseLong(stake.getString("epoch_seconds"))));
    }
}
