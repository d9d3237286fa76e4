package nym.ledger.state;

import static nym.ledger.state.StakeNet.EPOCHS;
import static nym.ledger.state.StakeNet.epochData;
import static nym.ledger.state.StakeNet.identity;
import static nym.ledger.state.StakeNet.nodeKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.TestNet;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.stake.ActiveSetSelection;
import nym.ledger.tx.stake.NodeIds;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StakeTest {
    private static final Ed25519PrivateKeyParameters A = nodeKey(1);
    private static final Ed25519PrivateKeyParameters B = nodeKey(2);
    private static final Ed25519PrivateKeyParameters C = nodeKey(3);
    private static final Ed25519PrivateKeyParameters D = nodeKey(4);
    private static final Ed25519PrivateKeyParameters G1 = nodeKey(5);
    private static final Ed25519PrivateKeyParameters G2 = nodeKey(6);

    /** A block time inside epoch {@code e}, {@code ms} after its start. */
    private static long at(long e, long ms) {
        return EPOCHS.startMs(e) + ms;
    }

    private static long settle(long e) {
        return EPOCHS.settleMs(e);
    }

    private static StakeNet chain(int activeMixnodes, int activeGateways, long saturation) {
        StakeNet n = new StakeNet(activeMixnodes, activeGateways, saturation);
        n.start(LedgerState.inMemory());
        return n;
    }

    private static void refused(StakeNet n, long timeMs, Kind kind, byte[] tx) {
        TxOutcome o = n.block(timeMs, tx).txs().get(0);
        assertEquals(kind.code(), o.code(), o.log());
    }

    // ------------------------------------------------------------------ bonding and delegation

    @Test
    void bond_identitySignatureChecked_balanceMovesIntoTheBond() {
        StakeNet n = chain(3, 1, 1000);
        var op1 = n.operators[0];
        byte[] wrongOwner = StakeNet.bondSignature(A, TestNet.CHAIN, n.operators[1].address());
        byte[] wrongChain = StakeNet.bondSignature(A, "other-chain", op1.address());
        refused(
                n,
                at(10, 0),
                Kind.BAD_SIGNATURE,
                n.net.tx.bondNode(op1, n.net.next(op1), identity(A), NodeKind.NODE_MIXNODE, 500, wrongOwner));
        refused(
                n,
                at(10, 1),
                Kind.BAD_SIGNATURE,
                n.net.tx.bondNode(op1, n.net.next(op1), identity(A), NodeKind.NODE_MIXNODE, 500, wrongChain));
        refused(n, at(10, 2), Kind.BELOW_MIN_BOND, n.bond(op1, A, NodeKind.NODE_MIXNODE, 99));
        refused(n, at(10, 3), Kind.INSUFFICIENT_BALANCE, n.bond(op1, A, NodeKind.NODE_MIXNODE, 2001));
        assertEquals(2000, n.balance(op1), "refusals change nothing");
        assertNull(n.node(identity(A)));

        n.ok(at(10, 4), n.bond(op1, A, NodeKind.NODE_MIXNODE, 500));
        assertEquals(1500, n.balance(op1));
        JsonNode node = n.node(identity(A));
        assertEquals(NodeIds.text(identity(A)), node.get("identity").asText());
        assertEquals("mixnode", node.get("kind").asText());
        assertEquals("500", node.get("bond").asText());
        assertEquals("bonded", node.get("status").asText());
        assertTrue(node.get("score").isNull());

        var op2 = n.operators[1];
        refused(n, at(10, 5), Kind.NOT_OWNER, n.bond(op2, A, NodeKind.NODE_MIXNODE, 500));
        refused(n, at(10, 6), Kind.INVALID_ARGUMENT, n.bond(op1, A, NodeKind.NODE_GATEWAY, 100));
        n.ok(at(10, 7), n.bond(op1, A, NodeKind.NODE_MIXNODE, 50)); // adding to a bond: no minimum
        assertEquals("550", n.node(identity(A)).get("bond").asText());
        assertEquals(1450, n.balance(op1));
    }

    @Test
    void delegation_addsToStake_undelegationPaidBackAfterTheDelay() {
        StakeNet n = chain(3, 1, 1000);
        var dora = n.dora;
        refused(n, at(10, 0), Kind.NOT_BONDED, n.net.tx.delegate(dora, n.net.next(dora), identity(B), 100));
        n.ok(at(10, 1), n.bond(n.operators[1], B, NodeKind.NODE_MIXNODE, 500));
        n.ok(at(10, 2), n.net.tx.delegate(dora, n.net.next(dora), identity(B), 200));
        n.ok(at(10, 3), n.net.tx.delegate(dora, n.net.next(dora), identity(B), 100));
        assertEquals(700, n.balance(dora));
        JsonNode node = n.node(identity(B));
        assertEquals("300", node.get("delegated").asText());
        assertEquals("800", node.get("stake").asText());
        JsonNode mine = n.query("/stake/delegations", dora.address()).get("delegations");
        assertEquals(1, mine.size());
        assertEquals("300", mine.get(0).get("amount").asText());
        assertTrue(mine.get(0).get("release_epoch").isNull());

        refused(
                n,
                at(11, 0),
                Kind.INSUFFICIENT_DELEGATION,
                n.net.tx.undelegate(dora, n.net.next(dora), identity(B), 301));
        n.ok(at(11, 1), n.net.tx.undelegate(dora, n.net.next(dora), identity(B), 100)); // epoch 11: release 13
        assertEquals("200", n.node(identity(B)).get("delegated").asText());
        n.ok(settle(11));
        n.ok(settle(12));
        assertEquals(700, n.balance(dora), "not before the settlement of the release epoch");
        n.ok(settle(13));
        assertEquals(800, n.balance(dora), "paid back exactly at the release settlement");
        assertEquals(
                1,
                n.query("/stake/delegations", dora.address()).get("delegations").size());
    }

    @Test
    void unbonding_bondAndDelegationsPaidBackAtTheReleaseSettlement_notBefore() {
        StakeNet n = chain(3, 1, 1000);
        var op1 = n.operators[0];
        var dora = n.dora;
        n.ok(at(10, 0), n.bond(op1, A, NodeKind.NODE_MIXNODE, 500));
        n.ok(at(10, 1), n.net.tx.delegate(dora, n.net.next(dora), identity(A), 200));
        n.ok(settle(10)); // A is in the active set of epoch 11
        refused(n, at(11, 0), Kind.NOT_OWNER, n.net.tx.unbondNode(dora, n.net.next(dora), identity(A)));
        n.ok(at(11, 1), n.net.tx.unbondNode(op1, n.net.next(op1), identity(A)));
        JsonNode node = n.node(identity(A));
        assertEquals("unbonding", node.get("status").asText());
        assertEquals("13", node.get("release_epoch").asText());
        refused(n, at(11, 2), Kind.UNBONDING, n.net.tx.delegate(dora, n.net.next(dora), identity(A), 10));
        refused(n, at(11, 3), Kind.UNBONDING, n.bond(op1, A, NodeKind.NODE_MIXNODE, 100));
        refused(n, at(11, 4), Kind.UNBONDING, n.net.tx.unbondNode(op1, n.net.next(op1), identity(A)));
        n.ok(at(11, 5), n.report(0, 11, identity(A), 1000), n.report(1, 11, identity(A), 1000));

        n.ok(settle(11));
        assertEquals("0", n.query("/stake/epoch", epochData(11)).get("paid").asText(), "unbonding earns nothing");
        n.ok(settle(12));
        assertEquals(1500, n.balance(op1));
        assertEquals(800, n.balance(dora));
        n.ok(settle(13) - 1);
        assertEquals(1500, n.balance(op1), "not before the release settlement");
        n.ok(settle(13));
        assertEquals(2000, n.balance(op1), "the bond, exactly");
        assertEquals(1000, n.balance(dora), "the delegation, exactly");
        assertNull(n.node(identity(A)), "the record goes with its bond");
        assertEquals(
                0,
                n.query("/stake/delegations", dora.address()).get("delegations").size());
    }

    // ------------------------------------------------------------------ reports, scores, rewards, penalties

    /** A, B (with dora's 300), C bonded in epoch 10; all three active in epoch 11. */
    private static StakeNet threeActiveMixnodes() {
        StakeNet n = chain(3, 1, 1000);
        n.ok(
                at(10, 0),
                n.bond(n.operators[0], A, NodeKind.NODE_MIXNODE, 500),
                n.bond(n.operators[1], B, NodeKind.NODE_MIXNODE, 500),
                n.bond(n.operators[2], C, NodeKind.NODE_MIXNODE, 1200),
                n.net.tx.delegate(n.dora, n.net.next(n.dora), identity(B), 300));
        n.ok(settle(10));
        assertEquals(3, n.query("/stake/active", epochData(11)).get("mixnodes").size());
        return n;
    }

    @Test
    void rewards_sumToTheBudget_proRataBySaturationTimesScore_splitWithDelegators_oneLyingMonitorIgnored() {
        StakeNet n = threeActiveMixnodes();
        long dora = n.balance(n.dora);
        n.ok(
                at(11, 1000),
                n.report(0, 11, identity(A), 1000, identity(B), 1000, identity(C), 900),
                n.report(1, 11, identity(A), 990, identity(B), 1000, identity(C), 900),
                n.report(2, 11, identity(A), 0, identity(B), 1000, identity(C), 900)); // lies about A
        LedgerState.BlockOutcome o = n.ok(settle(11));
        assertTrue(o.events().stream().anyMatch(e -> e.type().equals("epoch_settled")));

        assertEquals(990, n.node(identity(A)).get("score").asInt(), "median of 1000, 990, 0");
        assertEquals("11", n.node(identity(A)).get("score_epoch").asText());
        // weights: A 500 × 990 = 495000, B 800 × 1000 = 800000, C min(1200, 1000) × 900 = 900000 (Σ 2195000);
        // 1000 × w / Σ = 225.51, 364.46, 410.02: floors 999, the remaining NYM to A's largest fraction
        JsonNode epoch = n.query("/stake/epoch", epochData(11));
        assertEquals("1000", epoch.get("paid").asText());
        assertEquals("999000", epoch.get("pool_after").asText());
        assertEquals(3, epoch.get("reports").asInt());
        assertEquals("999000", n.query("/stake/nodes", new byte[0]).get("pool").asText());
        long sum = 0;
        for (JsonNode r : epoch.get("rewards")) {
            sum += r.get("reward").asLong();
        }
        assertEquals(1000, sum);
        assertEquals("226", n.node(identity(A)).get("rewards").asText());
        assertEquals("364", n.node(identity(B)).get("rewards").asText());
        assertEquals("410", n.node(identity(C)).get("rewards").asText());
        assertEquals(1500 + 226, n.balance(n.operators[0]));
        assertEquals(800 + 410, n.balance(n.operators[2]));
        // B's 364 split 500 : 300 between its owner and dora: 227.5 and 136.5, the odd NYM to one of them
        long owner = n.balance(n.operators[1]) - 1500;
        long delegator = n.balance(n.dora) - dora;
        assertEquals(364, owner + delegator);
        assertTrue(owner == 227 || owner == 228, "owner got " + owner);
        assertEquals(0, epoch.get("penalties").size());
    }

    @Test
    void penalty_belowThreshold_burnsFromTheBond_noReward_leftOutUntilTheRejoinWait() {
        StakeNet n = chain(3, 1, 1000);
        n.ok(
                at(10, 0),
                n.bond(n.operators[0], A, NodeKind.NODE_MIXNODE, 500),
                n.bond(n.operators[1], D, NodeKind.NODE_MIXNODE, 500),
                n.net.tx.delegate(n.dora, n.net.next(n.dora), identity(D), 300));
        n.ok(settle(10));
        n.ok(
                at(11, 0),
                n.report(0, 11, identity(A), 1000, identity(D), 500),
                n.report(1, 11, identity(A), 1000, identity(D), 500),
                n.report(2, 11, identity(A), 1000, identity(D), 500));
        n.ok(settle(11));
        JsonNode d = n.node(identity(D));
        assertEquals("475", d.get("bond").asText(), "floor(500 × 50 / 1000) = 25 burned");
        assertEquals("25", d.get("penalties").asText());
        assertEquals("300", d.get("delegated").asText(), "delegations untouched");
        assertEquals("0", d.get("rewards").asText());
        assertEquals("1000", n.node(identity(A)).get("rewards").asText(), "the only participant takes the budget");
        JsonNode epoch = n.query("/stake/epoch", epochData(11));
        assertEquals(1, epoch.get("penalties").size());
        assertEquals(500, epoch.get("penalties").get(0).get("score").asInt());
        String dText = NodeIds.text(identity(D));
        for (long e = 12; e <= 14; e++) { // score epoch 11 + rejoin 3 ≥ e: left out
            assertFalse(
                    texts(n.query("/stake/active", epochData(e)).get("mixnodes"))
                            .contains(dText),
                    "epoch " + e);
            assertEquals(
                    500,
                    n.query("/stake/active", epochData(e))
                            .get("performance")
                            .get(dText)
                            .asInt());
            n.ok(settle(e));
        }
        assertTrue(
                texts(n.query("/stake/active", epochData(15)).get("mixnodes")).contains(dText), "rejoined");
        assertEquals(
                800,
                n.query("/stake/active", epochData(15))
                        .get("performance")
                        .get(dText)
                        .asInt(),
                "on probation at the threshold, so the directory lists it and the monitors measure it again");
        JsonNode history = n.node(identity(D)).get("history");
        assertEquals("14", history.get(0).get("epoch").asText(), "newest first");
        JsonNode eleven = history.get(3);
        assertEquals("11", eleven.get("epoch").asText());
        assertEquals(500, eleven.get("score").asInt());
        assertEquals(3, eleven.get("reports").asInt());
        assertEquals("25", eleven.get("penalty").asText());
        assertTrue(eleven.get("active").asBoolean());
        assertFalse(history.get(0).get("active").asBoolean());
    }

    @Test
    void reports_outsideTheWindow_duplicate_unknownMonitor_malformed_refusedAndChangeNothing() {
        StakeNet n = threeActiveMixnodes();
        refused(
                n,
                at(11, 0),
                Kind.UNKNOWN_MONITOR,
                n.net.tx.monitorReport(n.net.alice, n.net.next(n.net.alice), 11, List.of()));
        refused(n, at(11, 1), Kind.REPORT_OUTSIDE_WINDOW, n.report(0, 10, identity(A), 1000)); // settled
        refused(n, at(11, 2), Kind.REPORT_OUTSIDE_WINDOW, n.report(0, 12, identity(A), 1000)); // not started
        refused(n, at(11, 3), Kind.INVALID_ARGUMENT, n.report(0, 11, identity(A), 1001));
        refused(n, at(11, 4), Kind.INVALID_ARGUMENT, n.report(0, 11, identity(A), 1000, identity(A), 900));
        byte[] unbonded = identity(nodeKey(99));
        n.ok(at(11, 5), n.report(0, 11, identity(A), 0, unbonded, 1000)); // unbonded entries are ignored
        refused(n, at(11, 6), Kind.DUPLICATE_REPORT, n.report(0, 11, identity(A), 1000));
        refused(n, settle(11), Kind.REPORT_OUTSIDE_WINDOW, n.report(1, 11, identity(A), 1000));
        JsonNode epoch = n.query("/stake/epoch", epochData(11));
        assertEquals(1, epoch.get("reports").asInt(), "only the first report of monitor 0 counted");
        assertEquals(0, n.node(identity(A)).get("score").asInt());
        assertNull(n.query("/stake/node", unbonded));
    }

    // ------------------------------------------------------------------ the active set

    @Test
    void activeSet_recomputedFromStakeNodesWithActiveSetSelection_equalsTheStoredRecord() {
        StakeNet n = chain(2, 1, 1000);
        var op = n.operators;
        n.ok(
                at(10, 0),
                n.bond(op[0], A, NodeKind.NODE_MIXNODE, 500),
                n.bond(op[0], G1, NodeKind.NODE_GATEWAY, 500),
                n.bond(op[1], B, NodeKind.NODE_MIXNODE, 500),
                n.bond(op[1], G2, NodeKind.NODE_GATEWAY, 300),
                n.bond(op[2], C, NodeKind.NODE_MIXNODE, 1200),
                n.bond(n.dora, D, NodeKind.NODE_MIXNODE, 300));
        n.ok(settle(10));
        assertRecomputed(n, 11);
        n.ok(
                at(11, 0),
                n.report(0, 11, identity(A), 950, identity(B), 700, identity(C), 1000, identity(G1), 1000),
                n.report(1, 11, identity(A), 950, identity(B), 700, identity(C), 1000, identity(G2), 900));
        n.ok(settle(11));
        JsonNode active = assertRecomputed(n, 12);
        assertEquals(2, active.get("mixnodes").size(), "K respected");
        assertEquals(1, active.get("gateways").size());
        assertFalse(texts(active.get("mixnodes")).contains(NodeIds.text(identity(B))), "B scored below 800");
        assertEquals(
                950, active.get("performance").get(NodeIds.text(identity(A))).asInt());
        assertEquals(n.state.height(), active.get("fixed_at_height").asLong());
    }

    /** Recomputes epoch {@code e}'s set from the {@code /stake/nodes} and {@code /params} answers alone. */
    private static JsonNode assertRecomputed(StakeNet n, long e) {
        JsonNode stake = n.query("/params", new byte[0]).get("stake");
        ActiveSetSelection.Rule rule = new ActiveSetSelection.Rule(
                TestNet.CHAIN,
                stake.get("min_bond").asLong(),
                stake.get("saturation_stake").asLong(),
                stake.get("score_threshold").asInt(),
                stake.get("rejoin_after_epochs").asInt(),
                stake.get("active_mixnodes").asInt(),
                stake.get("active_gateways").asInt());
        List<ActiveSetSelection.Node> nodes = new ArrayList<>();
        for (JsonNode x : n.query("/stake/nodes", new byte[0]).get("nodes")) {
            nodes.add(new ActiveSetSelection.Node(
                    NodeIds.parse(x.get("identity").asText()),
                    x.get("kind").asText().equals("gateway") ? NodeKind.NODE_GATEWAY : NodeKind.NODE_MIXNODE,
                    x.get("stake").asLong(),
                    x.get("status").asText().equals("unbonding"),
                    x.get("score").isNull() ? null : x.get("score").asInt(),
                    x.get("score_epoch").isNull() ? null : x.get("score_epoch").asLong()));
        }
        ActiveSetSelection.Result expected = ActiveSetSelection.select(rule, e, nodes);
        JsonNode stored = n.query("/stake/active", epochData(e));
        assertEquals(expected.mixnodes(), texts(stored.get("mixnodes")));
        assertEquals(expected.gateways(), texts(stored.get("gateways")));
        return stored;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    // ------------------------------------------------------------------ block time, skipped epochs, restart

    @Test
    void settlement_atTheFirstBlockAtOrAfterTheSettlePoint_olderPassedEpochsSkipped() {
        StakeNet n = chain(3, 1, 1000);
        n.ok(at(10, 0), n.bond(n.operators[0], A, NodeKind.NODE_MIXNODE, 500));
        assertEquals(
                "9", n.query("/stake/nodes", new byte[0]).get("settled_epoch").asText(), "the first block");
        n.ok(settle(10) - 1);
        assertNull(n.query("/stake/epoch", epochData(10)), "not before its settle point");
        LedgerState.BlockOutcome o = n.ok(settle(14) + 5);
        assertEquals(
                List.of("epochs_skipped", "epoch_settled"),
                o.events().stream()
                        .map(LedgerEvent::type)
                        .filter(t -> t.startsWith("epoch"))
                        .toList());
        assertTrue(n.query("/stake/epoch", epochData(12)).get("skipped").asBoolean());
        assertFalse(n.query("/stake/epoch", epochData(14)).get("skipped").asBoolean());
        assertNull(n.query("/stake/active", epochData(14)), "never fixed: its settlement was skipped");
        assertEquals(1, n.query("/stake/active", epochData(15)).get("mixnodes").size());
    }

    @Test
    void stakeChain_deterministic_andRestartSafe_checkTxUsesTheStoredBlockTime(@TempDir Path dir) {
        StakeNet memory = threeActiveMixnodes();
        StakeNet disk = new StakeNet(3, 1, 1000);
        disk.start(LedgerState.open(dir));
        disk.ok(
                at(10, 0),
                disk.bond(disk.operators[0], A, NodeKind.NODE_MIXNODE, 500),
                disk.bond(disk.operators[1], B, NodeKind.NODE_MIXNODE, 500),
                disk.bond(disk.operators[2], C, NodeKind.NODE_MIXNODE, 1200),
                disk.net.tx.delegate(disk.dora, disk.net.next(disk.dora), identity(B), 300));
        disk.ok(settle(10));
        assertArrayEquals(memory.state.appHash(), disk.state.appHash());
        memory.ok(at(11, 0));
        disk.ok(at(11, 0));
        disk.state.close();
        disk.state = LedgerState.open(dir);
        // last block at epoch 11: a report for 11 passes CheckTx, one for 12 does not yet
        assertEquals(
                0, disk.state.checkTx(disk.report(0, 11, identity(A), 1000)).code());
        TxOutcome future = disk.state.checkTx(disk.report(1, 12, identity(A), 1000));
        assertEquals(Kind.REPORT_OUTSIDE_WINDOW.code(), future.code(), future.log());
        byte[] report = memory.report(0, 11, identity(A), 1000);
        memory.ok(at(11, 10), report);
        disk.ok(at(11, 10), report);
        memory.ok(settle(11));
        disk.ok(settle(11));
        assertArrayEquals(memory.state.appHash(), disk.state.appHash());
        disk.state.close();
    }

    // ------------------------------------------------------------------ genesis

    @Test
    void genesis_stakeParamsInParamsJson_badValuesRefused_chainWithoutStakeRefusesStakeTransactions() {
        StakeNet n = chain(100, 50, 10000);
        JsonNode stake = n.query("/params", new byte[0]).get("stake");
        assertEquals("100", stake.get("epoch_seconds").asText());
        assertEquals(3, stake.get("monitors").size());
        assertEquals("1000000", stake.get("reward_pool").asText());
        assertEquals(800, stake.get("score_threshold").asInt());
        assertEquals(100, stake.get("active_mixnodes").asInt());

        StakeNet bad = new StakeNet(3, 1, 1000);
        bad.net.stake = bad.net.stake.replace("\"score_threshold\":800", "\"score_threshold\":1001");
        LedgerException e = assertThrows(LedgerException.class, () -> Genesis.parse(bad.net.genesis(), TestNet.CHAIN));
        assertEquals(Kind.BAD_GENESIS, e.kind());
        assertTrue(e.getMessage().contains("stake.score_threshold"), e.getMessage());
        bad.net.stake = bad.net.stake.replace("\"min_bond\":\"100\",", "");
        e = assertThrows(LedgerException.class, () -> Genesis.parse(bad.net.genesis(), TestNet.CHAIN));
        assertTrue(e.getMessage().contains("stake.min_bond missing"), e.getMessage());

        StakeNet none = new StakeNet(3, 1, 1000);
        none.net.stake = null;
        none.start(LedgerState.inMemory());
        assertTrue(none.query("/params", new byte[0]).get("stake").isNull());
        refused(none, at(10, 0), Kind.NO_STAKE, none.bond(none.operators[0], A, NodeKind.NODE_MIXNODE, 500));
        assertEquals(2000, none.balance(none.operators[0]));
        assertEquals(
                Kind.NO_STAKE.code(),
                none.state.query("/stake/nodes", new byte[0]).code());
    }
}
