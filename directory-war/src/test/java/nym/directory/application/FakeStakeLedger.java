package nym.directory.application;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nym.directory.api.Keys;

/**
 * {@link StakeLedger} in memory, answering the JSON of the ledger's queries (ledger-app README), for the directory's
 * tests: no stake until {@link #withStake}; records put by the test; {@link #down} makes every query fail as an
 * unreachable ledger does. Counts the queries, so a test can see what was reused.
 */
public final class FakeStakeLedger implements StakeLedger {

    private JsonObject params;
    private JsonObject nodes;
    private final Map<String, JsonObject> nodeByIdentity = new HashMap<>();
    private final Map<Long, JsonObject> active = new HashMap<>();
    private final Map<Long, JsonObject> settlements = new HashMap<>();
    private boolean down;
    private int queries;

    /** The chain has stake with this score threshold and epoch length. */
    public FakeStakeLedger withStake(int scoreThreshold, long epochSeconds) {
        params = Json.createObjectBuilder()
                .add("epoch_seconds", Long.toString(epochSeconds))
                .add("monitors", Json.createArrayBuilder())
                .add("min_bond", "100")
                .add("score_threshold", scoreThreshold)
                .add("penalty_permille", 50)
                .build();
        return this;
    }

    /** Puts the active-set record of {@code epoch}. */
    public FakeStakeLedger withActive(
            long epoch, Collection<String> mixnodes, Collection<String> gateways, Map<String, Integer> performance) {
        JsonObjectBuilder scores = Json.createObjectBuilder();
        performance.forEach(scores::add);
        return withActiveAnswer(
                epoch,
                Json.createObjectBuilder()
                        .add("epoch", Long.toString(epoch))
                        .add("fixed_at_height", "42")
                        .add("mixnodes", array(mixnodes))
                        .add("gateways", array(gateways))
                        .add("performance", scores)
                        .build());
    }

    /** Puts {@code answer} as the ledger's answer to {@code /stake/active} of {@code epoch}, well-formed or not. */
    public FakeStakeLedger withActiveAnswer(long epoch, JsonObject answer) {
        active.put(epoch, answer);
        return this;
    }

    public FakeStakeLedger withNodes(JsonObject answer) {
        nodes = answer;
        return this;
    }

    public FakeStakeLedger withNode(String identityKey, JsonObject answer) {
        nodeByIdentity.put(identityKey, answer);
        return this;
    }

    public FakeStakeLedger withSettlement(long epoch, JsonObject answer) {
        settlements.put(epoch, answer);
        return this;
    }

    /** From now on every query fails as when no ledger node answers in time (or again answers, with false). */
    public FakeStakeLedger down(boolean down) {
        this.down = down;
        return this;
    }

    public int queries() {
        return queries;
    }

    @Override
    public Optional<JsonObject> stakeParams() {
        return answer(params);
    }

    @Override
    public Optional<JsonObject> nodes() {
        return answer(nodes);
    }

    @Override
    public Optional<JsonObject> node(byte[] identity) {
        return answer(nodeByIdentity.get(Keys.encode(identity)));
    }

    @Override
    public Optional<JsonObject> active(long epoch) {
        return answer(active.get(epoch));
    }

    @Override
    public Optional<JsonObject> settlement(long epoch) {
        return answer(settlements.get(epoch));
    }

    private Optional<JsonObject> answer(JsonObject value) {
        queries++;
        if (down) {
            throw new StakeLedgerUnavailable("TIMEOUT: no ledger node answered", null);
        }
        return Optional.ofNullable(value);
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }

    /** A {@link StakeService} over {@code ledger} at a fixed time. */
    public static StakeService serviceOver(StakeLedger ledger, java.time.Clock clock) {
        StakeService s = new StakeService();
        s.ledger = ledger;
        s.clock = clock;
        return s;
    }
}
