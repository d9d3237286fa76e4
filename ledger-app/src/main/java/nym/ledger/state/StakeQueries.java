package nym.ledger.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.ActiveSet;
import nym.ledger.tx.proto.LedgerProto.EpochSettlement;
import nym.ledger.tx.proto.LedgerProto.NodeOutcome;
import nym.ledger.tx.proto.LedgerProto.NodePerformance;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.StakeDelegation;
import nym.ledger.tx.proto.LedgerProto.StakeNode;
import nym.ledger.tx.stake.ActiveSetSelection;
import nym.ledger.tx.stake.NodeIds;

/**
 * The stake queries: {@code /stake/nodes}, {@code /stake/node} (data: identity), {@code /stake/active} and
 * {@code /stake/epoch} (data: epoch), {@code /stake/delegations} (data: address). Identities are unpadded
 * base64url, u64 amounts decimal strings. A record that does not exist (yet) answers null.
 */
final class StakeQueries {
    static final int HISTORY_EPOCHS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StakeQueries() {}

    /** The node as {@link ActiveSetSelection} sees it: exactly what {@code /stake/nodes} lists. */
    static ActiveSetSelection.Node selectionNode(StakeNode n) {
        return new ActiveSetSelection.Node(
                n.getIdentityKey().toByteArray(),
                n.getKind(),
                n.getBond() + n.getDelegated(),
                n.getUnbonding(),
                n.getHasScore() ? n.getScore() : null,
                n.getHasScore() ? n.getScoreEpoch() : null);
    }

    static ObjectNode nodes(StateView s, Params p) {
        StakeRecords.require(p);
        ObjectNode o = JSON.createObjectNode();
        long settled = StakeRecords.settledEpoch(s);
        putEpoch(o, "settled_epoch", settled >= 0, settled);
        o.put("pool", Long.toString(StakeRecords.pool(s)));
        ArrayNode list = o.putArray("nodes");
        StakeRecords.nodes(s).stream()
                .sorted((a, b) -> NodeIds.text(a.getIdentityKey().toByteArray())
                        .compareTo(NodeIds.text(b.getIdentityKey().toByteArray())))
                .forEach(n -> list.add(node(n)));
        return o;
    }

    /** {@code /stake/node}: the node, its delegations and its last settled epochs; null when not bonded. */
    static ObjectNode node(StateView s, Params p, byte[] identity) {
        StakeRecords.require(p);
        StakeNode n = StakeRecords.node(s, identity);
        if (n == null) {
            return null;
        }
        ObjectNode o = node(n);
        ArrayNode delegations = o.putArray("delegations");
        for (StakeDelegation d : n.getDelegationsList()) {
            ObjectNode x = delegations
                    .addObject()
                    .put("delegator", Hex.prefixed(d.getDelegator().toByteArray()))
                    .put("amount", Long.toString(d.getAmount()));
            putEpoch(x, "release_epoch", d.getUnbonding(), d.getReleaseEpoch());
        }
        ArrayNode history = o.putArray("history");
        ByteString id = n.getIdentityKey();
        long newest = StakeRecords.settledEpoch(s);
        for (long e = newest; e >= 0 && e > newest - HISTORY_EPOCHS; e--) {
            EpochSettlement rec = StakeRecords.settlement(s, e);
            if (rec == null) {
                continue;
            }
            NodeOutcome out = rec.getNodesList().stream()
                    .filter(x -> x.getIdentityKey().equals(id))
                    .findFirst()
                    .orElse(NodeOutcome.getDefaultInstance());
            ActiveSet active = StakeRecords.active(s, e);
            ObjectNode h = history.addObject().put("epoch", Long.toString(e));
            if (out.getHasScore()) {
                h.put("score", out.getScore());
            } else {
                h.putNull("score");
            }
            h.put("reports", out.getReports())
                    .put("reward", Long.toString(out.getReward()))
                    .put("penalty", Long.toString(out.getPenalty()))
                    .put(
                            "active",
                            active != null
                                    && (active.getMixnodesList().contains(id)
                                            || active.getGatewaysList().contains(id)));
        }
        return o;
    }

    private static ObjectNode node(StakeNode n) {
        ObjectNode o = JSON.createObjectNode()
                .put("identity", NodeIds.text(n.getIdentityKey().toByteArray()))
                .put("kind", ActiveSetSelection.kindName(n.getKind()))
                .put("owner", Hex.prefixed(n.getOwner().toByteArray()))
                .put("bond", Long.toString(n.getBond()))
                .put("delegated", Long.toString(n.getDelegated()))
                .put("stake", Long.toString(n.getBond() + n.getDelegated()))
                .put("status", n.getUnbonding() ? "unbonding" : "bonded");
        putEpoch(o, "release_epoch", n.getUnbonding(), n.getReleaseEpoch());
        if (n.getHasScore()) {
            o.put("score", n.getScore());
        } else {
            o.putNull("score");
        }
        putEpoch(o, "score_epoch", n.getHasScore(), n.getScoreEpoch());
        return o.put("rewards", Long.toString(n.getRewards())).put("penalties", Long.toString(n.getPenalties()));
    }

    static ObjectNode active(StateView s, Params p, byte[] data) {
        StakeRecords.require(p);
        ActiveSet a = StakeRecords.active(s, epochArg(data));
        if (a == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode()
                .put("epoch", Long.toString(a.getEpoch()))
                .put("fixed_at_height", Long.toString(a.getFixedAtHeight()));
        ArrayNode mix = o.putArray("mixnodes");
        a.getMixnodesList().forEach(x -> mix.add(NodeIds.text(x.toByteArray())));
        ArrayNode gw = o.putArray("gateways");
        a.getGatewaysList().forEach(x -> gw.add(NodeIds.text(x.toByteArray())));
        ObjectNode perf = o.putObject("performance");
        for (NodePerformance np : a.getPerformanceList()) {
            perf.put(NodeIds.text(np.getIdentityKey().toByteArray()), np.getScore());
        }
        return o;
    }

    static ObjectNode epoch(StateView s, Params p, byte[] data) {
        StakeRecords.require(p);
        EpochSettlement r = StakeRecords.settlement(s, epochArg(data));
        if (r == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode()
                .put("epoch", Long.toString(r.getEpoch()))
                .put("settled_at_height", Long.toString(r.getSettledAtHeight()))
                .put("skipped", r.getSkipped())
                .put("paid", Long.toString(r.getPaid()))
                .put("pool_after", Long.toString(r.getPoolAfter()));
        ArrayNode rewards = o.putArray("rewards");
        ArrayNode penalties = o.putArray("penalties");
        for (NodeOutcome n : r.getNodesList()) {
            String id = NodeIds.text(n.getIdentityKey().toByteArray());
            if (n.getParticipant()) {
                rewards.addObject()
                        .put("identity", id)
                        .put("reward", Long.toString(n.getReward()))
                        .put("score", n.getScore());
            }
            if (n.getPenalised()) {
                penalties
                        .addObject()
                        .put("identity", id)
                        .put("penalty", Long.toString(n.getPenalty()))
                        .put("score", n.getScore());
            }
        }
        return o.put("reports", r.getReports());
    }

    static ObjectNode delegations(StateView s, Params p, byte[] address) {
        StakeRecords.require(p);
        ObjectNode o = JSON.createObjectNode();
        ArrayNode list = o.putArray("delegations");
        ByteString who = ByteString.copyFrom(address);
        for (byte[] id : StakeRecords.index(s, StakeRecords.delegatorKey(address))) {
            for (StakeDelegation d : StakeRecords.requireNode(s, id).getDelegationsList()) {
                if (d.getDelegator().equals(who)) {
                    ObjectNode x = list.addObject()
                            .put("identity", NodeIds.text(id))
                            .put("amount", Long.toString(d.getAmount()));
                    putEpoch(x, "release_epoch", d.getUnbonding(), d.getReleaseEpoch());
                }
            }
        }
        return o;
    }

    /** A node identity: 32 raw bytes, or its base64url text, or hex. */
    static byte[] identityArg(byte[] data) {
        if (data != null && data.length == 32) {
            return data.clone();
        }
        String text = data == null ? "" : new String(data, StandardCharsets.US_ASCII).trim();
        try {
            return text.length() == 43 ? NodeIds.parse(text) : Hex.parse(text, 32, "identity");
        } catch (LedgerException e) {
            throw new LedgerException(
                    Kind.BAD_QUERY, "node identity must be 32 raw bytes, 43 characters of base64url or hex");
        }
    }

    /** An epoch: 8 raw bytes big-endian, or ASCII decimal. */
    private static long epochArg(byte[] data) {
        if (data != null && data.length == 8) {
            return ByteBuffer.wrap(data).getLong();
        }
        String text = data == null ? "" : new String(data, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new LedgerException(Kind.BAD_QUERY, "epoch must be 8 bytes big-endian or a decimal number");
        }
    }

    private static void putEpoch(ObjectNode o, String field, boolean present, long epoch) {
        if (present) {
            o.put(field, Long.toString(epoch));
        } else {
            o.putNull(field);
        }
    }
}
