package nym.ledger.state;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.ActiveSet;
import nym.ledger.tx.proto.LedgerProto.EpochSettlement;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.StakeIndex;
import nym.ledger.tx.proto.LedgerProto.StakeNode;
import nym.ledger.tx.proto.LedgerProto.StakeParams;

/**
 * Where stake lives in the state. Keys: {@code blocktime} (the last block's time, ms, u64; stake chains only);
 * {@code stake/pool} (u64); {@code stake/settled} (the newest settled epoch, u64); {@code stake/index} (every node
 * with a bond, StakeIndex); {@code stake/node/<identity hex>} (StakeNode); {@code stake/delegator/<addr hex>} (the
 * nodes an address has delegations with, StakeIndex); {@code stake/report/<epoch>/<monitor hex>} (MonitorReport,
 * until its epoch is settled); {@code stake/active/<epoch>} (ActiveSet); {@code stake/epoch/<epoch>}
 * (EpochSettlement). Index lists are kept sorted (unsigned bytes), so iterating them is deterministic.
 */
final class StakeRecords {
    static final String BLOCK_TIME = "blocktime";
    static final String POOL = "stake/pool";
    static final String SETTLED = "stake/settled";
    static final String INDEX = "stake/index";

    private StakeRecords() {}

    static StakeParams require(Params p) {
        if (!p.hasStake()) {
            throw new LedgerException(Kind.NO_STAKE, "this chain has no stake (genesis without \"stake\")");
        }
        return p.getStake();
    }

    static String nodeKey(byte[] identity) {
        return "stake/node/" + Hex.lower(identity);
    }

    static String delegatorKey(byte[] address) {
        return "stake/delegator/" + Hex.lower(address);
    }

    static String reportKey(long epoch, byte[] monitor) {
        return "stake/report/" + Long.toUnsignedString(epoch) + "/" + Hex.lower(monitor);
    }

    static String activeKey(long epoch) {
        return "stake/active/" + epoch;
    }

    static String epochKey(long epoch) {
        return "stake/epoch/" + epoch;
    }

    /** The last block's time in ms (0 before the first block). */
    static long blockTime(StateView s) {
        return u64(s, BLOCK_TIME, 0);
    }

    static void putBlockTime(StateView s, long timeMs) {
        putU64(s, BLOCK_TIME, timeMs);
    }

    static long pool(StateView s) {
        return u64(s, POOL, 0);
    }

    static void putPool(StateView s, long amount) {
        putU64(s, POOL, amount);
    }

    /** The newest settled epoch, or -1 before the first settlement. */
    static long settledEpoch(StateView s) {
        return u64(s, SETTLED, -1);
    }

    static void putSettledEpoch(StateView s, long epoch) {
        putU64(s, SETTLED, epoch);
    }

    static StakeNode node(StateView s, byte[] identity) {
        byte[] v = s.get(nodeKey(identity));
        return v == null ? null : Executor.parse(v, StakeNode.parser());
    }

    static StakeNode requireNode(StateView s, byte[] identity) {
        StakeNode n = node(s, identity);
        if (n == null) {
            throw new LedgerException(Kind.NOT_BONDED, "node " + Hex.lower(identity) + " is not bonded");
        }
        return n;
    }

    /** Every node with a bond, in identity order. */
    static List<StakeNode> nodes(StateView s) {
        List<StakeNode> out = new ArrayList<>();
        for (byte[] id : index(s, INDEX)) {
            out.add(requireNode(s, id));
        }
        return out;
    }

    static void putNode(StateView s, StakeNode n) {
        byte[] id = n.getIdentityKey().toByteArray();
        if (s.get(nodeKey(id)) == null) {
            addToIndex(s, INDEX, id);
        }
        s.put(nodeKey(id), n.toByteArray());
    }

    static void removeNode(StateView s, byte[] identity) {
        s.delete(nodeKey(identity));
        removeFromIndex(s, INDEX, identity);
    }

    static List<byte[]> index(StateView s, String key) {
        byte[] v = s.get(key);
        if (v == null) {
            return List.of();
        }
        return Executor.parse(v, StakeIndex.parser()).getIdentitiesList().stream()
                .map(ByteString::toByteArray)
                .toList();
    }

    static void addToIndex(StateView s, String key, byte[] identity) {
        List<byte[]> ids = new ArrayList<>(index(s, key));
        if (ids.stream().anyMatch(x -> Arrays.equals(x, identity))) {
            return;
        }
        ids.add(identity);
        putIndex(s, key, ids);
    }

    static void removeFromIndex(StateView s, String key, byte[] identity) {
        List<byte[]> ids = new ArrayList<>(index(s, key));
        ids.removeIf(x -> Arrays.equals(x, identity));
        putIndex(s, key, ids);
    }

    private static void putIndex(StateView s, String key, List<byte[]> ids) {
        if (ids.isEmpty()) {
            s.delete(key);
            return;
        }
        StakeIndex.Builder b = StakeIndex.newBuilder();
        ids.stream().sorted(Arrays::compareUnsigned).forEach(x -> b.addIdentities(ByteString.copyFrom(x)));
        s.put(key, b.build().toByteArray());
    }

    static ActiveSet active(StateView s, long epoch) {
        byte[] v = s.get(activeKey(epoch));
        return v == null ? null : Executor.parse(v, ActiveSet.parser());
    }

    static EpochSettlement settlement(StateView s, long epoch) {
        byte[] v = s.get(epochKey(epoch));
        return v == null ? null : Executor.parse(v, EpochSettlement.parser());
    }

    private static long u64(StateView s, String key, long absent) {
        byte[] v = s.get(key);
        return v == null ? absent : ByteBuffer.wrap(v).getLong();
    }

    private static void putU64(StateView s, String key, long value) {
        s.put(key, ByteBuffer.allocate(8).putLong(value).array());
    }
}
