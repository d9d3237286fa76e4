package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nym.directory.domain.node.NodeKind;
import org.junit.jupiter.api.Test;

/** The ledger's stake records read and reused: rules, active sets, what is kept and for how long. */
class StakeServiceTest {

    private final FakeStakeLedger ledger = new FakeStakeLedger();
    private final SteppedClock clock = new SteppedClock(1_000_000);
    private final StakeService stake = FakeStakeLedger.serviceOver(ledger, clock);

    @Test
    void rules_chainWithStake_thresholdAndEpochLength() {
        ledger.withStake(800, 120);

        assertEquals(Optional.of(new StakeRules(800, 120)), stake.rules());
    }

    @Test
    void rules_chainWithoutStake_empty() {
        assertTrue(stake.rules().isEmpty());
    }

    @Test
    void activeSet_record_identitiesByKindAndPerformance() {
        ledger.withActive(12, List.of("m1", "m2"), List.of("g1"), Map.of("m1", 1000, "g1", 640, "gone", 10));

        ActiveSet a = stake.activeSet(12).orElseThrow();

        assertEquals(12, a.epoch());
        assertEquals(Set.of("m1", "m2"), a.mixnodes());
        assertEquals(Map.of("m1", 1000, "g1", 640, "gone", 10), a.performance());
        assertTrue(a.contains(NodeKind.MIXNODE, "m2"));
        assertTrue(!a.contains(NodeKind.GATEWAY, "m2"), "a mix node is not an active gateway");
        assertTrue(stake.activeSet(13).isEmpty());
    }

    @Test
    void activeSet_recordWithAScoreThatIsNotAnInteger_ledgerUnavailable() {
        ledger.withActiveAnswer(
                12,
                Json.createObjectBuilder()
                        .add("epoch", "12")
                        .add("mixnodes", Json.createArrayBuilder())
                        .add("gateways", Json.createArrayBuilder())
                        .add("performance", Json.createObjectBuilder().add("m1", "high"))
                        .build());

        StakeLedgerUnavailable e = assertThrows(StakeLedgerUnavailable.class, () -> stake.activeSet(12));
        assertTrue(e.getMessage().contains("/stake/active"), e.getMessage());
    }

    @Test
    void answers_foundOrNot_reusedForFiveSecondsThenAskedAgain() {
        ledger.withStake(800, 120);
        stake.nodes();
        stake.activeSet(3);
        int asked = ledger.queries();

        clock.advance(StakeService.REUSE_MILLIS - 1);
        stake.nodes();
        stake.activeSet(3);
        assertEquals(asked, ledger.queries(), "reused");

        ledger.withActive(3, List.of("m1"), List.of(), Map.of());
        clock.advance(1);
        assertEquals(Set.of("m1"), stake.activeSet(3).orElseThrow().mixnodes());
        assertEquals(asked + 1, ledger.queries());
    }

    @Test
    void failure_notKept_nextCallAsksAgain() {
        ledger.withStake(800, 120).down(true);
        assertThrows(StakeLedgerUnavailable.class, stake::rules);

        ledger.down(false);

        assertEquals(800, stake.rules().orElseThrow().scoreThreshold());
    }
}
