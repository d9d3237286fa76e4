package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nym.credential.rpc.LedgerRpc;
import nym.directory.api.EpochDocument;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import nym.ledger.tx.proto.LedgerProto.BondNode;
import nym.ledger.tx.proto.LedgerProto.Delegate;
import nym.ledger.tx.proto.LedgerProto.MonitorReport;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.NodeScore;
import nym.ledger.tx.proto.LedgerProto.TxBody;
import nym.ledger.tx.stake.ActiveSetSelection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stake and network monitoring on the deployment group and its CometBFT validators (issue 21), with the test tree's
 * 10-second epochs: three mix nodes heartbeating to the directory are bonded by three operators of the tree (one with
 * a delegation), and in each epoch's measurement window the test submits the reports of the three authorities'
 * monitors, signed with their tree keys — two honest ones that measured node C at less than half, and one that lies
 * that the honest node A is dead. The ledger must keep A's score (the median), score C low, penalise C's bond, pay
 * exactly the epoch's budget to A and B only, fix an active set without C that anyone recomputes from the ledger's
 * state, and the authorities' epoch document must list A and B with their scores and leave C out.
 */
@Tag("group")
class StakeIT {

    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final long BOND = 500;
    private static final long DELEGATION = 200;
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private static AuthorityGroup group;
    private static LedgerRpc ledger;
    private static TxBuilder txs;
    private static String chainId;

    @BeforeAll
    static void deployToGroup() throws Exception {
        group = AuthorityGroup.shared();
        ledger = new LedgerRpc(group.ledger.rpc(), Duration.ofSeconds(30));
        chainId = ledger.chainId();
        txs = new TxBuilder(chainId);
    }

    @Test
    void oneLyingMonitorOfThree_honestNodeKeepsItsScore_halfDroppingNodePenalisedAndLeftOut_rewardsSumToTheBudget()
            throws Exception {
        JsonObject stake = ledger.query("/params", new byte[0])
                .map(p -> p.getJsonObject("stake"))
                .orElseThrow(() -> new AssertionError("the test tree's genesis has no stake section"));
        long budget = Long.parseLong(stake.getString("epoch_reward_budget"));
        int threshold = stake.getInt("score_threshold");
        try (EpochNode a = EpochNode.answering();
                EpochNode b = EpochNode.answering();
                EpochNode c = EpochNode.answering()) {
            for (EpochNode n : List.of(a, b, c)) {
                n.keepAlive(TestEnvironment.instance(1));
            }
            bond(a, 1);
            bond(b, 2);
            bond(c, 3);
            Secp256k1.KeyPair delegator = group.key("clients/client-1/account.key");
            long delegatorBalance = ledger.account(delegator.address()).balance();
            commit(
                    delegator,
                    TxBody.newBuilder()
                            .setDelegate(Delegate.newBuilder()
                                    .setIdentityKey(identity(a))
                                    .setAmount(DELEGATION)));
            long bondedIn = SignedNode.currentEpoch();

            List<Map<EpochNode, Integer>> monitors = List.of(
                    Map.of(a, 1000, b, 990, c, 400),
                    Map.of(a, 990, b, 1000, c, 450),
                    Map.of(a, 0, b, 1000, c, 1000)); // the liar
            try (MonitorSchedule reports = new MonitorSchedule(monitors)) {
                long settled = awaitSettled(bondedIn + 3);
                assertTrue(reports.refusals.isEmpty(), "monitor reports refused: " + reports.refusals);

                JsonObject paidEpoch = firstPaidEpoch(bondedIn + 1, settled);
                long paid = Long.parseLong(paidEpoch.getString("paid"));
                assertEquals(budget, paid, "the pool holds more than one budget: all of it is paid");
                long sum = 0;
                for (JsonValue v : paidEpoch.getJsonArray("rewards")) {
                    JsonObject r = v.asJsonObject();
                    assertFalse(r.getString("identity").equals(c.key()), "a node scored below the threshold earns");
                    sum += Long.parseLong(r.getString("reward"));
                }
                assertEquals(paid, sum, "the rewards of epoch " + paidEpoch.getString("epoch") + " sum to the budget");

                JsonObject nodeA = node(a);
                JsonObject nodeC = node(c);
                assertEquals(990, nodeA.getInt("score"), "median of 1000, 990 and the liar's 0");
                assertEquals(1000, node(b).getInt("score"));
                assertEquals(450, nodeC.getInt("score"), "median of 400, 450 and the liar's 1000");
                assertTrue(nodeC.getInt("score") < threshold);
                assertTrue(Long.parseLong(nodeC.getString("penalties")) > 0, "C penalised: " + nodeC);
                assertTrue(Long.parseLong(nodeC.getString("bond")) < BOND, "C's bond burned: " + nodeC);
                assertEquals(BOND, Long.parseLong(nodeA.getString("bond")), "A keeps its bond: " + nodeA);
                assertTrue(
                        ledger.account(delegator.address()).balance() > delegatorBalance - DELEGATION,
                        "the delegator shares A's rewards");

                Snapshot snapshot = consistentSnapshot();
                List<String> mixnodes = strings(snapshot.active().getJsonArray("mixnodes"));
                assertTrue(mixnodes.containsAll(List.of(a.key(), b.key())), "A and B active: " + mixnodes);
                assertFalse(mixnodes.contains(c.key()), "C left out of the active set: " + mixnodes);
                assertEquals(mixnodes, recompute(snapshot, stake), "the active set recomputed from ledger state");

                EpochDocument document = EpochDocuments.awaitListing(
                                TestEnvironment.instance(2), SignedNode.AUTHORITIES, a.key(), settled, WAIT)
                        .document();
                assertEquals(Optional.of(990), performance(document, a.key()), "A's score in the document");
                assertEquals(Optional.of(1000), performance(document, b.key()));
                assertFalse(EpochDocuments.lists(document, c.key()), "C is not in epoch " + document.epoch());
            }
        }
    }

    private static void bond(EpochNode node, int operator) throws Exception {
        Secp256k1.KeyPair owner = group.key("operators/operator-" + operator + "/operator.key");
        String message = "nym-bond-v1\n" + chainId + "\n" + HexFormat.of().formatHex(owner.address());
        commit(
                owner,
                TxBody.newBuilder()
                        .setBondNode(BondNode.newBuilder()
                                .setIdentityKey(identity(node))
                                .setKind(NodeKind.NODE_MIXNODE)
                                .setAmount(BOND)
                                .setIdentitySignature(
                                        ByteString.copyFrom(node.signRaw(message.getBytes(StandardCharsets.UTF_8))))));
    }

    private static void commit(Secp256k1.KeyPair signer, TxBody.Builder body) {
        long nonce = ledger.account(signer.address()).nonce();
        LedgerRpc.TxResult r = ledger.broadcastCommit(
                txs.sign(signer, body.setChainId(chainId).setNonce(nonce).build()));
        if (!r.ok()) {
            throw new AssertionError(body.getKindCase() + " refused: " + r.code() + " " + r.log());
        }
    }

    private static ByteString identity(EpochNode node) {
        return ByteString.copyFrom(B64.decode(node.key()));
    }

    private static JsonObject node(EpochNode node) {
        return ledger.query("/stake/node", B64.decode(node.key()))
                .orElseThrow(() -> new AssertionError("no stake record for " + node.key()));
    }

    private static long awaitSettled(long epoch) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long settled = -1;
        while (System.nanoTime() < deadline) {
            settled = settledEpoch(ledger.query("/stake/nodes", new byte[0]).orElseThrow());
            if (settled >= epoch) {
                return settled;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("epoch " + epoch + " not settled within " + WAIT + "; last settled " + settled);
    }

    private static long settledEpoch(JsonObject nodes) {
        return nodes.isNull("settled_epoch") ? -1 : Long.parseLong(nodes.getString("settled_epoch"));
    }

    private static JsonObject firstPaidEpoch(long from, long to) {
        for (long e = from; e <= to; e++) {
            Optional<JsonObject> settlement = ledger.query("/stake/epoch", epochBytes(e));
            if (settlement.isPresent() && Long.parseLong(settlement.get().getString("paid")) > 0) {
                return settlement.get();
            }
        }
        throw new AssertionError("no epoch in [" + from + ", " + to + "] paid rewards");
    }

    private record Snapshot(JsonObject nodes, JsonObject active, long epoch) {}

    /** {@code /stake/nodes} and the active set it fixed, read with no settlement in between. */
    private static Snapshot consistentSnapshot() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonObject nodes = ledger.query("/stake/nodes", new byte[0]).orElseThrow();
            long settled = settledEpoch(nodes);
            Optional<JsonObject> active = ledger.query("/stake/active", epochBytes(settled + 1));
            JsonObject again = ledger.query("/stake/nodes", new byte[0]).orElseThrow();
            if (active.isPresent() && settledEpoch(again) == settled && again.equals(nodes)) {
                return new Snapshot(nodes, active.get(), settled + 1);
            }
            Thread.sleep(700);
        }
        throw new AssertionError("the ledger settled between every pair of reads");
    }

    /** The mix nodes of the snapshot's active set as anyone recomputes them from the ledger's node list. */
    private static List<String> recompute(Snapshot snapshot, JsonObject stake) {
        List<ActiveSetSelection.Node> nodes = new ArrayList<>();
        for (JsonValue v : snapshot.nodes().getJsonArray("nodes")) {
            JsonObject n = v.asJsonObject();
            nodes.add(new ActiveSetSelection.Node(
                    B64.decode(n.getString("identity")),
                    n.getString("kind").equals("mixnode") ? NodeKind.NODE_MIXNODE : NodeKind.NODE_GATEWAY,
                    Long.parseLong(n.getString("stake")),
                    n.getString("status").equals("unbonding"),
                    n.isNull("score") ? null : n.getInt("score"),
                    n.isNull("score_epoch") ? null : Long.parseLong(n.getString("score_epoch"))));
        }
        ActiveSetSelection.Rule rule = new ActiveSetSelection.Rule(
                chainId,
                Long.parseLong(stake.getString("min_bond")),
                Long.parseLong(stake.getString("saturation_stake")),
                stake.getInt("score_threshold"),
                stake.getInt("rejoin_after_epochs"),
                stake.getInt("active_mixnodes"),
                stake.getInt("active_gateways"));
        return ActiveSetSelection.select(rule, snapshot.epoch(), nodes).mixnodes();
    }

    private static Optional<Integer> performance(EpochDocument document, String identity) {
        return document.mixnodes().stream()
                .flatMap(l -> l.nodes().stream())
                .filter(m -> m.identityKey().equals(identity))
                .findFirst()
                .map(EpochDocument.Mixnode::performance);
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static byte[] epochBytes(long epoch) {
        return ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
    }

    /**
     * The three monitors: in every epoch's measurement window (its first half) each submits its scores, the three
     * at once (each from its own account), as the authorities' monitors do after measuring.
     */
    private static final class MonitorSchedule implements AutoCloseable {

        final List<String> refusals = new CopyOnWriteArrayList<>();
        private final List<Map<EpochNode, Integer>> scores;
        private final List<Secp256k1.KeyPair> keys = new ArrayList<>();
        private final Map<Long, Boolean> reported = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);

        MonitorSchedule(List<Map<EpochNode, Integer>> scores) throws Exception {
            this.scores = scores;
            for (int i = 1; i <= scores.size(); i++) {
                keys.add(group.key("authorities/authority-" + i + "/monitor.key"));
            }
            timer.scheduleWithFixedDelay(this::reportInWindow, 0, 250, TimeUnit.MILLISECONDS);
        }

        private void reportInWindow() {
            long length = SignedNode.AUTHORITIES.epochSeconds() * 1000L;
            long now = System.currentTimeMillis();
            long epoch = now / length;
            long intoEpoch = now - epoch * length;
            if (intoEpoch < 300 || intoEpoch > length / 2 - 1000 || reported.putIfAbsent(epoch, true) != null) {
                return;
            }
            for (int m = 0; m < keys.size(); m++) {
                int monitor = m;
                timer.execute(() -> report(monitor, epoch));
            }
        }

        /**
         * The ledger checks a report against the last block's time, which trails the clock by up to a block: a report
         * refused as too early for its epoch is sent again once a block of the epoch is in.
         */
        private void report(int monitor, long epoch) {
            MonitorReport.Builder report = MonitorReport.newBuilder().setEpoch(epoch);
            scores.get(monitor)
                    .forEach((node, performance) -> report.addResults(NodeScore.newBuilder()
                            .setIdentityKey(identity(node))
                            .setPerformance(performance)
                            .setSamples(40)));
            for (int attempt = 1; ; attempt++) {
                try {
                    commit(keys.get(monitor), TxBody.newBuilder().setMonitorReport(report));
                    return;
                } catch (AssertionError | RuntimeException e) {
                    if (attempt < 8 && e.getMessage().contains("(epoch " + (epoch - 1) + ")")) {
                        pause();
                        continue;
                    }
                    refusals.add("monitor " + (monitor + 1) + ", epoch " + epoch + ": " + e.getMessage());
                    return;
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
