package nym.localnet.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nym.ledger.Hex;

/**
 * The genesis' {@code app_state.stake} object (ledger.proto {@code StakeParams}, written with the field names and
 * types of the ledger's {@code /params} answer: u64 as decimal strings, u32 as numbers, monitors as {@code 0x}
 * addresses). A tree's chain has the network's epoch length and its authorities' monitors, and otherwise the values
 * of {@link #treeDefaults}, which localnet and the integration tests run with.
 */
record StakeGenesis(
        long epochSeconds,
        List<byte[]> monitors,
        long minBond,
        long unbondingEpochs,
        long rewardPool,
        long epochRewardBudget,
        long saturationStake,
        int scoreThreshold,
        int penaltyPermille,
        int rejoinAfterEpochs,
        int activeMixnodes,
        int activeGateways) {

    /**
     * Sized for localnet's few nodes, each bonded with 500 of its operator's 1000 NYM: a bond well above the minimum,
     * a pool lasting a thousand epochs, a saturation no localnet node reaches.
     */
    static StakeGenesis treeDefaults(long epochSeconds, List<byte[]> monitors) {
        return new StakeGenesis(epochSeconds, monitors, 100, 2, 1_000_000, 1000, 10_000, 800, 50, 3, 100, 50);
    }

    ObjectNode toJson() {
        ObjectNode stake = JsonNodeFactory.instance.objectNode();
        stake.put("epoch_seconds", Long.toUnsignedString(epochSeconds));
        ArrayNode addresses = stake.putArray("monitors");
        monitors.forEach(a -> addresses.add(Hex.prefixed(a)));
        stake.put("min_bond", Long.toUnsignedString(minBond));
        stake.put("unbonding_epochs", Long.toUnsignedString(unbondingEpochs));
        stake.put("reward_pool", Long.toUnsignedString(rewardPool));
        stake.put("epoch_reward_budget", Long.toUnsignedString(epochRewardBudget));
        stake.put("saturation_stake", Long.toUnsignedString(saturationStake));
        stake.put("score_threshold", scoreThreshold);
        stake.put("penalty_permille", penaltyPermille);
        stake.put("rejoin_after_epochs", rejoinAfterEpochs);
        stake.put("active_mixnodes", activeMixnodes);
        stake.put("active_gateways", activeGateways);
        return stake;
    }
}
