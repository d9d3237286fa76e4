package nym.ledger.tx.stake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.StakeParams;

/**
 * The active set of a mixnet epoch, chosen from the bonded nodes by stake and score, deterministically from ledger
 * state and the epoch: the ledger fixes it at the settlement of the epoch before, and anyone holding the same node
 * list (the ledger's {@code /stake/nodes} answer) recomputes the same set with {@link #select}.
 *
 * <p>The rule, per kind ({@code mixnode}, {@code gateway}), for epoch {@code E}:
 * <ol>
 *   <li>Eligible: nodes not unbonding, with stake (bond + delegations) ≥ {@code min_bond}, except a node whose
 *       latest score is below {@code score_threshold} while its score epoch + {@code rejoin_after_epochs} ≥ E.
 *   <li>Selection score s: the latest score; no score yet → 1000; below the threshold (after the rejoin wait) → the
 *       threshold.
 *   <li>If at most K are eligible (K = {@code active_mixnodes} or {@code active_gateways}) all are active. Otherwise
 *       weighted sampling without replacement: w = min(stake, saturation_stake) × s as a double; u = ((the first 8
 *       bytes of SHA-256(UTF-8 {@code "nym-active-set-v1\n" + chain_id + "\n" + E + "\n" + kind + "\n"} || identity)
 *       as an unsigned long) >>> 11) + 1) / 2^53, in (0, 1]; key = −ln(u) / w (StrictMath, +∞ when w = 0); the K
 *       smallest keys are active, ties broken by identity bytes, unsigned ascending.
 * </ol>
 * The result lists each kind's active identities as unpadded base64url text, sorted by that text.
 */
public final class ActiveSetSelection {
    public static final int NO_SCORE = 1000;
    private static final double TWO_POW_53 = 0x1p53;

    private ActiveSetSelection() {}

    /** A node as the ledger lists it; {@code score} and {@code scoreEpoch} are null until a settlement scored it. */
    public record Node(byte[] identity, NodeKind kind, long stake, boolean unbonding, Integer score, Long scoreEpoch) {}

    /** The parameters of the rule (from genesis {@code StakeParams}) and the chain id that seeds it. */
    public record Rule(
            String chainId,
            long minBond,
            long saturationStake,
            int scoreThreshold,
            int rejoinAfterEpochs,
            int activeMixnodes,
            int activeGateways) {

        public static Rule of(String chainId, StakeParams p) {
            return new Rule(
                    chainId,
                    p.getMinBond(),
                    p.getSaturationStake(),
                    p.getScoreThreshold(),
                    p.getRejoinAfterEpochs(),
                    p.getActiveMixnodes(),
                    p.getActiveGateways());
        }
    }

    /** The active identities of each kind, base64url text in String order. */
    public record Result(List<String> mixnodes, List<String> gateways) {}

    public static Result select(Rule rule, long epoch, Collection<Node> nodes) {
        return new Result(
                selectKind(rule, epoch, NodeKind.NODE_MIXNODE, rule.activeMixnodes(), nodes),
                selectKind(rule, epoch, NodeKind.NODE_GATEWAY, rule.activeGateways(), nodes));
    }

    /** The name of a kind in the seed and in JSON answers. */
    public static String kindName(NodeKind kind) {
        return kind == NodeKind.NODE_GATEWAY ? "gateway" : "mixnode";
    }

    private static List<String> selectKind(Rule rule, long epoch, NodeKind kind, int k, Collection<Node> nodes) {
        List<Node> eligible = new ArrayList<>();
        for (Node n : nodes) {
            if (n.kind() == kind && eligible(rule, epoch, n)) {
                eligible.add(n);
            }
        }
        List<Node> chosen = eligible;
        if (eligible.size() > k) {
            String seed = "nym-active-set-v1\n" + rule.chainId() + "\n" + epoch + "\n" + kindName(kind) + "\n";
            List<Keyed> keyed = new ArrayList<>();
            for (Node n : eligible) {
                keyed.add(new Keyed(n, key(seed, n.identity(), weight(rule, n))));
            }
            keyed.sort(Comparator.comparingDouble(Keyed::key)
                    .thenComparing(x -> x.node().identity(), Arrays::compareUnsigned));
            chosen = keyed.subList(0, k).stream().map(Keyed::node).toList();
        }
        return chosen.stream().map(n -> NodeIds.text(n.identity())).sorted().toList();
    }

    private record Keyed(Node node, double key) {}

    /**
     * The score the active set of {@code epoch} publishes for {@code n} (the {@code performance} the epoch document
     * carries): its latest score, except that a node scored below the threshold whose rejoin wait is over is on
     * probation at the threshold — else the directory would leave it out and clients and monitors would route around
     * it for good, and it could never be measured again. Null for a node never scored.
     */
    public static Integer publishedPerformance(Rule rule, long epoch, Node n) {
        if (n.score() == null) {
            return null;
        }
        boolean onProbation = n.score() < rule.scoreThreshold() && eligible(rule, epoch, n);
        return onProbation ? rule.scoreThreshold() : n.score();
    }

    static boolean eligible(Rule rule, long epoch, Node n) {
        if (n.unbonding() || n.stake() < rule.minBond()) {
            return false;
        }
        boolean belowThreshold = n.score() != null && n.score() < rule.scoreThreshold();
        return !(belowThreshold && n.scoreEpoch() + rule.rejoinAfterEpochs() >= epoch);
    }

    /** min(stake, saturation) × selection score, as a double. */
    static double weight(Rule rule, Node n) {
        int s = n.score() == null ? NO_SCORE : Math.max(n.score(), rule.scoreThreshold());
        return (double) Math.min(n.stake(), rule.saturationStake()) * s;
    }

    static double key(String seed, byte[] identity, double weight) {
        if (weight <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        MessageDigest sha = sha256();
        sha.update(seed.getBytes(StandardCharsets.UTF_8));
        sha.update(identity);
        long x = ByteBuffer.wrap(sha.digest(), 0, 8).getLong();
        double u = ((x >>> 11) + 1) / TWO_POW_53;
        return -StrictMath.log(u) / weight;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
