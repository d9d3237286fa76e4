package nym.ledger.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nym.ledger.Hex;
import nym.ledger.abci.proto.Abci.Event;
import nym.ledger.abci.proto.Abci.EventAttribute;
import nym.ledger.abci.proto.Abci.ExecTxResult;
import nym.ledger.devnet.proto.DevnetProto.StoredBlock;

/**
 * JSON in CometBFT v0.38's RPC encoding: int64 as strings, int32/bool as numbers, bytes as base64 (null when
 * empty), hashes as uppercase hex, times RFC 3339 with nanoseconds.
 */
public final class RpcJson {
    public static final ObjectMapper JSON = new ObjectMapper();

    private RpcJson() {}

    public static String time(long unixNanos) {
        Instant t = Instant.ofEpochSecond(
                Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L));
        return t.toString();
    }

    public static void bytes(ObjectNode o, String field, ByteString b) {
        if (b == null || b.isEmpty()) {
            o.putNull(field);
        } else {
            o.put(field, Base64.getEncoder().encodeToString(b.toByteArray()));
        }
    }

    public static ArrayNode events(List<Event> events) {
        ArrayNode a = JSON.createArrayNode();
        for (Event e : events) {
            ObjectNode n = a.addObject();
            n.put("type", e.getType());
            ArrayNode attrs = n.putArray("attributes");
            for (EventAttribute at : e.getAttributesList()) {
                ObjectNode x = attrs.addObject();
                x.put("key", at.getKey());
                x.put("value", at.getValue());
                x.put("index", at.getIndex());
            }
        }
        return a;
    }

    /** An ExecTxResult as in tx, tx_search, block_results and broadcast_tx_commit. */
    public static ObjectNode txResult(ExecTxResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", r.getCode());
        bytes(o, "data", r.getData());
        o.put("log", r.getLog());
        o.put("info", r.getInfo());
        o.put("gas_wanted", Long.toString(r.getGasWanted()));
        o.put("gas_used", Long.toString(r.getGasUsed()));
        o.set("events", events(r.getEventsList()));
        o.put("codespace", r.getCodespace());
        return o;
    }

    /** An ExecTxResult as pushed in websocket events: zero-valued fields omitted, as the node sends them. */
    public static ObjectNode txResultOmitEmpty(ExecTxResult r) {
        ObjectNode o = JSON.createObjectNode();
        if (r.getCode() != 0) {
            o.put("code", r.getCode());
        }
        if (!r.getData().isEmpty()) {
            bytes(o, "data", r.getData());
        }
        if (!r.getLog().isEmpty()) {
            o.put("log", r.getLog());
        }
        if (!r.getInfo().isEmpty()) {
            o.put("info", r.getInfo());
        }
        if (r.getGasWanted() != 0) {
            o.put("gas_wanted", Long.toString(r.getGasWanted()));
        }
        if (r.getGasUsed() != 0) {
            o.put("gas_used", Long.toString(r.getGasUsed()));
        }
        if (r.getEventsCount() > 0) {
            o.set("events", events(r.getEventsList()));
        }
        if (!r.getCodespace().isEmpty()) {
            o.put("codespace", r.getCodespace());
        }
        return o;
    }

    static ObjectNode blockId(ByteString hash, ByteString partsHash) {
        ObjectNode id = JSON.createObjectNode();
        id.put("hash", hash.isEmpty() ? "" : Hex.upper(hash.toByteArray()));
        ObjectNode parts = id.putObject("parts");
        parts.put("total", hash.isEmpty() ? 0 : 1);
        parts.put("hash", partsHash.isEmpty() ? "" : Hex.upper(partsHash.toByteArray()));
        return id;
    }

    /** {@code {block_id, block}} as the {@code block} method answers. */
    public static ObjectNode blockResult(StoredBlock b, DevnetNode.Identity id) {
        ObjectNode o = JSON.createObjectNode();
        o.set("block_id", blockId(b.getBlockHash(), b.getPartsHash()));
        o.set("block", block(b, id));
        return o;
    }

    public static ObjectNode block(StoredBlock b, DevnetNode.Identity id) {
        ObjectNode blk = JSON.createObjectNode();
        ObjectNode h = blk.putObject("header");
        ObjectNode v = h.putObject("version");
        v.put("block", "11");
        v.put("app", Long.toString(nym.ledger.abci.AbciApplication.APP_VERSION));
        h.put("chain_id", id.chainId());
        h.put("height", Long.toString(b.getHeight()));
        h.put("time", time(b.getTimeUnixNanos()));
        h.set("last_block_id", blockId(b.getLastBlockHash(), b.getLastPartsHash()));
        h.put("last_commit_hash", Hex.upper(b.getLastCommitHash().toByteArray()));
        h.put("data_hash", Hex.upper(b.getDataHash().toByteArray()));
        h.put("validators_hash", Hex.upper(id.validatorsHash()));
        h.put("next_validators_hash", Hex.upper(id.validatorsHash()));
        h.put("consensus_hash", Hex.upper(id.consensusHash()));
        h.put("app_hash", Hex.upper(b.getAppHash().toByteArray()));
        h.put("last_results_hash", Hex.upper(b.getLastResultsHash().toByteArray()));
        h.put("evidence_hash", Hex.upper(Merkle.root(List.of())));
        h.put("proposer_address", Hex.upper(b.getProposerAddress().toByteArray()));
        ArrayNode txs = blk.putObject("data").putArray("txs");
        b.getTxsList().forEach(t -> txs.add(Base64.getEncoder().encodeToString(t.toByteArray())));
        blk.putObject("evidence").putArray("evidence");
        ObjectNode lc = blk.putObject("last_commit");
        lc.put("height", Long.toString(b.getHeight() - 1));
        lc.put("round", 0);
        lc.set("block_id", blockId(b.getLastBlockHash(), b.getLastPartsHash()));
        ArrayNode sigs = lc.putArray("signatures");
        if (b.getHeight() > 1) {
            ObjectNode s = sigs.addObject();
            s.put("block_id_flag", 2);
            s.put("validator_address", Hex.upper(id.address()));
            s.put("timestamp", time(b.getLastCommitTimeUnixNanos()));
            s.put(
                    "signature",
                    Base64.getEncoder()
                            .encodeToString(b.getLastCommitSignature().toByteArray()));
        }
        return blk;
    }

    /** {@code block_results}: each list null when empty, as v0.38 sends it. */
    public static ObjectNode blockResults(StoredBlock b) {
        ObjectNode o = JSON.createObjectNode();
        o.put("height", Long.toString(b.getHeight()));
        var r = b.getResults();
        if (r.getTxResultsCount() == 0) {
            o.putNull("txs_results");
        } else {
            ArrayNode a = o.putArray("txs_results");
            r.getTxResultsList().forEach(x -> a.add(txResult(x)));
        }
        if (r.getEventsCount() == 0) {
            o.putNull("finalize_block_events");
        } else {
            o.set("finalize_block_events", events(r.getEventsList()));
        }
        o.putNull("validator_updates");
        o.putNull("consensus_param_updates");
        bytes(o, "app_hash", r.getAppHash());
        return o;
    }

    /** Composite keys of a Tx event: every attribute (indexed or not), tm.event, tx.hash, tx.height. */
    public static Map<String, List<String>> txEvents(ExecTxResult r, byte[] tx, long height, boolean indexedOnly) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Event e : r.getEventsList()) {
            for (EventAttribute a : e.getAttributesList()) {
                if (!indexedOnly || a.getIndex()) {
                    m.computeIfAbsent(e.getType() + "." + a.getKey(), k -> new ArrayList<>())
                            .add(a.getValue());
                }
            }
        }
        m.put("tm.event", List.of("Tx"));
        m.put("tx.hash", List.of(Hex.upper(nym.ledger.tx.Transaction.sha256(tx))));
        m.put("tx.height", List.of(Long.toString(height)));
        return m;
    }
}
