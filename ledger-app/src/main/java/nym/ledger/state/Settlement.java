package nym.ledger.state;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nym.ledger.tx.proto.LedgerProto.ActiveSet;
import nym.ledger.tx.proto.LedgerProto.EpochSettlement;
import nym.ledger.tx.proto.LedgerProto.NodeOutcome;
import nym.ledger.tx.proto.LedgerProto.NodePerformance;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.StakeDelegation;
import nym.ledger.tx.proto.LedgerProto.StakeNode;
import nym.ledger.tx.proto.LedgerProto.StakeParams;
import nym.ledger.tx.stake.ActiveSetSelection;
import nym.ledger.tx.stake.NodeIds;
import nym.ledger.tx.stake.StakeEpochs;

/**
 * The start-of-block stake step: records the block's time and, at the first block at or after an epoch's settlement
 * point, settles that epoch — scores (median of the monitors), rewards, penalties, unbonding releases, then the
 * active set of the next epoch. Only the newest due epoch is settled; older ones passed since the last block are
 * recorded as skipped. Everything depends on the block's time and the state only.
 */
final class Settlement {
    /** A chain halted for long records at most this many skipped epochs (the newest ones). */
    static final int MAX_SKIPPED_RECORDS = 64;

    private Settlement() {}

    static List<LedgerEvent> startBlock(StateView s, Params p, long height, long timeMs) {
        if (!p.hasStake()) {
            return List.of();
        }
        StakeRecords.putBlockTime(s, timeMs);
        long due = new StakeEpochs(p.getStake().getEpochSeconds()).newestSettleable(timeMs);
        long last = StakeRecords.settledEpoch(s);
        if (due < 0 || due <= last) {
            return List.of();
        }
        List<LedgerEvent> events = new ArrayList<>();
        if (due > last + 1) {
            // Blocks since the last settlement all had times before settle(last + 1), so only epoch last + 1 can
            // hold reports: they are dropped with it.
            MonitorReports.take(s, p, last + 1, new HashMap<>());
            if (last >= 0) {
                events.add(skip(s, last + 1, due - 1, height));
            }
        }
        events.add(settle(s, p, due, height));
        StakeRecords.putSettledEpoch(s, due);
        return events;
    }

    private static LedgerEvent skip(StateView s, long first, long lastSkipped, long height) {
        for (long e = Math.max(first, lastSkipped - MAX_SKIPPED_RECORDS + 1); e <= lastSkipped; e++) {
            s.put(
                    StakeRecords.epochKey(e),
                    EpochSettlement.newBuilder()
                            .setEpoch(e)
                            .setSettledAtHeight(height)
                            .setSkipped(true)
                            .build()
                            .toByteArray());
        }
        return LedgerEvent.of("epochs_skipped")
                .attr("from", Long.toString(first))
                .attr("to", Long.toString(lastSkipped))
                .build();
    }

    private static LedgerEvent settle(StateView s, Params p, long epoch, long height) {
        StakeParams sp = p.getStake();
        Map<ByteString, List<Integer>> reported = new HashMap<>();
        int reports = MonitorReports.take(s, p, epoch, reported);
        Map<ByteString, StakeNode.Builder> nodes = new LinkedHashMap<>();
        Map<ByteString, NodeOutcome.Builder> outcomes = new LinkedHashMap<>();
        for (StakeNode n : StakeRecords.nodes(s)) {
            ByteString id = n.getIdentityKey();
            StakeNode.Builder b = n.toBuilder();
            nodes.put(id, b);
            List<Integer> values = reported.get(id);
            if (values != null) {
                int score = MonitorReports.median(values);
                b.setHasScore(true).setScore(score).setScoreEpoch(epoch);
                outcome(outcomes, id).setHasScore(true).setScore(score).setReports(values.size());
            }
        }
        long paid = payRewards(s, sp, epoch, nodes, outcomes);
        long pool = StakeRecords.pool(s) - paid;
        StakeRecords.putPool(s, pool);
        int penalised = applyPenalties(sp, epoch, nodes, outcomes);
        int released = releaseUnbonded(s, epoch, nodes);
        ActiveSet next = fixActiveSet(s, p, epoch + 1, height, nodes);
        EpochSettlement.Builder record = EpochSettlement.newBuilder()
                .setEpoch(epoch)
                .setSettledAtHeight(height)
                .setPaid(paid)
                .setPoolAfter(pool)
                .setReports(reports);
        outcomes.values().forEach(record::addNodes);
        s.put(StakeRecords.epochKey(epoch), record.build().toByteArray());
        return LedgerEvent.of("epoch_settled")
                .attr("epoch", Long.toString(epoch))
                .attr("reports", Integer.toString(reports))
                .attr("paid", Long.toString(paid))
                .attr("pool_after", Long.toString(pool))
                .attr("penalised", Integer.toString(penalised))
                .attr("released", Integer.toString(released))
                .attr("next_epoch", Long.toString(epoch + 1))
                .attr("active_mixnodes", Integer.toString(next.getMixnodesCount()))
                .attr("active_gateways", Integer.toString(next.getGatewaysCount()))
                .build();
    }

    private static NodeOutcome.Builder outcome(Map<ByteString, NodeOutcome.Builder> outcomes, ByteString id) {
        return outcomes.computeIfAbsent(id, k -> NodeOutcome.newBuilder().setIdentityKey(k));
    }

    private static boolean scoredFor(StakeNode.Builder n, long epoch) {
        return n.getHasScore() && n.getScoreEpoch() == epoch;
    }

    /**
     * Pays min(budget, pool) to the nodes of the epoch's active set that are still bonded and scored at least the
     * threshold, by min(stake, saturation) × score; each node's reward is split between its owner's bond and its
     * active delegations. Returns what was paid (0 when nobody qualifies).
     */
    private static long payRewards(
            StateView s,
            StakeParams sp,
            long epoch,
            Map<ByteString, StakeNode.Builder> nodes,
            Map<ByteString, NodeOutcome.Builder> outcomes) {
        ActiveSet active = StakeRecords.active(s, epoch);
        if (active == null) {
            return 0;
        }
        Set<ByteString> activeIds = new HashSet<>(active.getMixnodesList());
        activeIds.addAll(active.getGatewaysList());
        List<StakeNode.Builder> participants = new ArrayList<>();
        List<Rewards.Share> weights = new ArrayList<>();
        for (StakeNode.Builder n : nodes.values()) {
            if (activeIds.contains(n.getIdentityKey())
                    && !n.getUnbonding()
                    && scoredFor(n, epoch)
                    && n.getScore() >= sp.getScoreThreshold()) {
                participants.add(n);
                long stake = Math.min(n.getBond() + n.getDelegated(), sp.getSaturationStake());
                weights.add(new Rewards.Share(
                        n.getIdentityKey().toByteArray(),
                        BigInteger.valueOf(stake).multiply(BigInteger.valueOf(n.getScore()))));
            }
        }
        long budget = Math.min(sp.getEpochRewardBudget(), StakeRecords.pool(s));
        long[] rewards = Rewards.split(budget, weights);
        long paid = 0;
        for (int i = 0; i < rewards.length; i++) {
            StakeNode.Builder n = participants.get(i);
            creditParties(s, n, rewards[i]);
            n.setRewards(n.getRewards() + rewards[i]);
            outcome(outcomes, n.getIdentityKey()).setParticipant(true).setReward(rewards[i]);
            paid += rewards[i];
        }
        return paid;
    }

    /** Splits a node's reward between its owner (by bond) and its active delegators (by amount). */
    private static void creditParties(StateView s, StakeNode.Builder n, long reward) {
        List<byte[]> accounts = new ArrayList<>();
        List<Rewards.Share> shares = new ArrayList<>();
        accounts.add(n.getOwner().toByteArray());
        shares.add(new Rewards.Share(n.getOwner().toByteArray(), BigInteger.valueOf(n.getBond())));
        for (StakeDelegation d : n.getDelegationsList()) {
            if (!d.getUnbonding()) {
                accounts.add(d.getDelegator().toByteArray());
                shares.add(new Rewards.Share(d.getDelegator().toByteArray(), BigInteger.valueOf(d.getAmount())));
            }
        }
        long[] parts = Rewards.split(reward, shares);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                Executor.credit(s, accounts.get(i), parts[i]);
            }
        }
    }

    /** Burns floor(bond × penalty_permille / 1000) of the bond of each node scored below the threshold. */
    private static int applyPenalties(
            StakeParams sp,
            long epoch,
            Map<ByteString, StakeNode.Builder> nodes,
            Map<ByteString, NodeOutcome.Builder> outcomes) {
        int penalised = 0;
        for (StakeNode.Builder n : nodes.values()) {
            if (scoredFor(n, epoch) && n.getScore() < sp.getScoreThreshold()) {
                long penalty = BigInteger.valueOf(n.getBond())
                        .multiply(BigInteger.valueOf(sp.getPenaltyPermille()))
                        .divide(BigInteger.valueOf(1000))
                        .longValueExact();
                n.setBond(n.getBond() - penalty).setPenalties(n.getPenalties() + penalty);
                outcome(outcomes, n.getIdentityKey()).setPenalised(true).setPenalty(penalty);
                penalised++;
            }
        }
        return penalised;
    }

    /**
     * Pays back the undelegations due and the bonds of nodes whose release epoch has come (with every delegation
     * still held by them), removing those nodes; writes back every other node. Returns the nodes released.
     */
    private static int releaseUnbonded(StateView s, long epoch, Map<ByteString, StakeNode.Builder> nodes) {
        int released = 0;
        for (var it = nodes.values().iterator(); it.hasNext(); ) {
            StakeNode.Builder n = it.next();
            byte[] id = n.getIdentityKey().toByteArray();
            boolean nodeReleased = n.getUnbonding() && n.getReleaseEpoch() <= epoch;
            List<StakeDelegation> kept = new ArrayList<>();
            for (StakeDelegation d : n.getDelegationsList()) {
                if (nodeReleased || (d.getUnbonding() && d.getReleaseEpoch() <= epoch)) {
                    Executor.credit(s, d.getDelegator().toByteArray(), d.getAmount());
                } else {
                    kept.add(d);
                }
            }
            for (StakeDelegation d : n.getDelegationsList()) {
                boolean stillDelegating =
                        kept.stream().anyMatch(k -> k.getDelegator().equals(d.getDelegator()));
                if (!stillDelegating) {
                    StakeRecords.removeFromIndex(
                            s, StakeRecords.delegatorKey(d.getDelegator().toByteArray()), id);
                }
            }
            n.clearDelegations().addAllDelegations(kept);
            if (nodeReleased) {
                Executor.credit(s, n.getOwner().toByteArray(), n.getBond());
                StakeRecords.removeNode(s, id);
                it.remove();
                released++;
            } else {
                StakeRecords.putNode(s, n.build());
            }
        }
        return released;
    }

    private static ActiveSet fixActiveSet(
            StateView s, Params p, long epoch, long height, Map<ByteString, StakeNode.Builder> nodes) {
        ActiveSetSelection.Rule rule = ActiveSetSelection.Rule.of(p.getChainId(), p.getStake());
        List<ActiveSetSelection.Node> candidates = new ArrayList<>();
        ActiveSet.Builder record = ActiveSet.newBuilder().setEpoch(epoch).setFixedAtHeight(height);
        for (StakeNode.Builder n : nodes.values()) {
            ActiveSetSelection.Node candidate = StakeQueries.selectionNode(n.build());
            candidates.add(candidate);
            Integer published = ActiveSetSelection.publishedPerformance(rule, epoch, candidate);
            if (published != null) {
                record.addPerformance(NodePerformance.newBuilder()
                        .setIdentityKey(n.getIdentityKey())
                        .setScore(published));
            }
        }
        ActiveSetSelection.Result chosen = ActiveSetSelection.select(rule, epoch, candidates);
        chosen.mixnodes().forEach(t -> record.addMixnodes(ByteString.copyFrom(NodeIds.parse(t))));
        chosen.gateways().forEach(t -> record.addGateways(ByteString.copyFrom(NodeIds.parse(t))));
        ActiveSet built = record.build();
        s.put(StakeRecords.activeKey(epoch), built.toByteArray());
        return built;
    }
}
