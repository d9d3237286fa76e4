package nym.ledger.tx.stake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import org.junit.jupiter.api.Test;

class ActiveSetSelectionTest {
    private static final ActiveSetSelection.Rule RULE =
            new ActiveSetSelection.Rule("nym-test", 100, 10_000, 800, 3, 2, 1);

    private static byte[] id(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        return b;
    }

    private static ActiveSetSelection.Node mix(int i, long stake, Integer score, Long scoreEpoch) {
        return new ActiveSetSelection.Node(id(i), NodeKind.NODE_MIXNODE, stake, false, score, scoreEpoch);
    }

    @Test
    void deterministic_sortedText_andKRespectedPerKind() {
        List<ActiveSetSelection.Node> nodes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            nodes.add(mix(i, 500, null, null));
        }
        nodes.add(new ActiveSetSelection.Node(id(20), NodeKind.NODE_GATEWAY, 500, false, null, null));
        nodes.add(new ActiveSetSelection.Node(id(21), NodeKind.NODE_GATEWAY, 500, false, null, null));
        ActiveSetSelection.Result a = ActiveSetSelection.select(RULE, 7, nodes);
        List<ActiveSetSelection.Node> reversed = new ArrayList<>(nodes);
        java.util.Collections.reverse(reversed);
        ActiveSetSelection.Result b = ActiveSetSelection.select(RULE, 7, reversed);
        assertEquals(a, b, "the input order does not matter");
        assertEquals(2, a.mixnodes().size());
        assertEquals(1, a.gateways().size());
        assertEquals(a.mixnodes().stream().sorted().toList(), a.mixnodes());
        boolean differs = false;
        for (long e = 8; e < 20 && !differs; e++) {
            differs = !ActiveSetSelection.select(RULE, e, nodes).equals(a);
        }
        assertTrue(differs, "the epoch seeds the sampling");
    }

    @Test
    void fewerEligibleThanK_allActive_andEligibilityRules() {
        List<ActiveSetSelection.Node> nodes = List.of(
                mix(1, 500, null, null),
                mix(2, 99, null, null), // below min_bond
                new ActiveSetSelection.Node(id(3), NodeKind.NODE_MIXNODE, 500, true, null, null), // unbonding
                mix(4, 500, 700, 5L), // below the threshold at epoch 5: out while 5 + 3 ≥ E
                mix(5, 500, 900, 5L));
        assertEquals(
                List.of(NodeIds.text(id(1)), NodeIds.text(id(5))),
                ActiveSetSelection.select(RULE, 8, nodes).mixnodes());
        ActiveSetSelection.Rule wide = new ActiveSetSelection.Rule("nym-test", 100, 10_000, 800, 3, 5, 1);
        assertTrue(ActiveSetSelection.select(wide, 9, nodes).mixnodes().contains(NodeIds.text(id(4))), "rejoined");
    }

    @Test
    void weightMatters_aSaturatedHighScoreNodeIsChosenFarMoreOften() {
        ActiveSetSelection.Rule one = new ActiveSetSelection.Rule("nym-test", 100, 10_000, 800, 3, 1, 1);
        List<ActiveSetSelection.Node> nodes = List.of(mix(1, 10_000, 1000, 1L), mix(2, 100, 800, 1L));
        int heavy = 0;
        for (long e = 2; e < 402; e++) {
            if (ActiveSetSelection.select(one, e, nodes).mixnodes().contains(NodeIds.text(id(1)))) {
                heavy++;
            }
        }
        // weights 10^7 against 8·10^4: the heavy node should win about 99% of 400 epochs
        assertTrue(heavy > 380, "heavy node chosen " + heavy + " times of 400");
    }

    @Test
    void tiesBrokenByIdentityBytesUnsigned() {
        ActiveSetSelection.Rule zero = new ActiveSetSelection.Rule("nym-test", 100, 10_000, 0, 3, 2, 1);
        // score 0 with threshold 0: weight 0, every key +∞, so only the identity order decides
        List<ActiveSetSelection.Node> nodes =
                List.of(mix(0xF0, 500, 0, 1L), mix(0x05, 500, 0, 1L), mix(0x80, 500, 0, 1L));
        assertEquals(
                List.of(NodeIds.text(id(0x05)), NodeIds.text(id(0x80))).stream()
                        .sorted()
                        .toList(),
                ActiveSetSelection.select(zero, 3, nodes).mixnodes());
    }

    @Test
    void bondMessage_isTheAgreedText() {
        byte[] owner = new byte[20];
        owner[19] = (byte) 0xab;
        assertEquals(
                "nym-bond-v1\nnym-test\n00000000000000000000000000000000000000ab",
                new String(BondMessage.bytes("nym-test", owner), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void epochs_settlePointAtFiveEighths() {
        StakeEpochs e = new StakeEpochs(120);
        assertEquals(0, e.epochAt(119_999));
        assertEquals(75_000, e.settleMs(0));
        assertEquals(-1, e.newestSettleable(74_999));
        assertEquals(0, e.newestSettleable(75_000));
        assertTrue(e.reportWindowOpen(1, 120_000));
        assertTrue(!e.reportWindowOpen(1, 195_000));
    }
}
