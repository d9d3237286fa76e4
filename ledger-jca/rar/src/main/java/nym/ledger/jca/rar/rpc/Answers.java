package nym.ledger.jca.rar.rpc;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import nym.ledger.jca.BroadcastResult;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.EventAttribute;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.NodeStatus;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxOutcome;
import nym.ledger.jca.TxRecord;

/**
 * Reads CometBFT v0.38 RPC answers into the API's types. CometBFT leaves zero values out of some answers (a
 * transaction at index 0 has no {@code index}, a successful result no {@code code}), writes 64-bit numbers as
 * strings and small ones as numbers, and sends {@code null} for empty bytes and lists: every reader here accepts all
 * of those.
 */
public final class Answers {

    private Answers() {}

    public static BroadcastResult broadcast(JsonObject r) throws LedgerException {
        return new BroadcastResult(
                requiredString(r, "hash"), (int) number(r, "code"), string(r, "codespace"), string(r, "log"));
    }

    /**
     * The answer of {@code broadcast_tx_commit}. It does not say where in the block the transaction landed, so the
     * caller gives the transaction's index (found in the committed block) to give its events their ids; with
     * {@code txIndex} &lt; 0 the execution outcome is kept without events.
     */
    public static CommitResult commit(JsonObject r, int txIndex) throws LedgerException {
        String hash = requiredString(r, "hash");
        long height = number(r, "height");
        TxOutcome check = outcome(object(r, "check_tx"), null, hash);
        JsonObject txResult = object(r, "tx_result");
        TxOutcome executed = null;
        if (check.ok() && height > 0 && txResult != null) {
            executed = outcome(txResult, txIndex < 0 ? null : new Position(height, txIndex), hash);
        }
        return new CommitResult(hash, height, check, executed);
    }

    public static QueryResult query(JsonObject r) throws LedgerException {
        JsonObject q = object(r, "response");
        if (q == null) {
            throw malformed("abci_query answer without response");
        }
        return new QueryResult(
                (int) number(q, "code"),
                string(q, "codespace"),
                string(q, "log"),
                number(q, "height"),
                bytes(q, "key"),
                bytes(q, "value"));
    }

    public static NodeStatus status(JsonObject r) throws LedgerException {
        JsonObject node = object(r, "node_info");
        JsonObject sync = object(r, "sync_info");
        if (node == null || sync == null) {
            throw malformed("status answer without node_info or sync_info");
        }
        JsonValue catching = sync.get("catching_up");
        return new NodeStatus(
                string(node, "id"),
                string(node, "network"),
                string(node, "version"),
                number(sync, "latest_block_height"),
                string(sync, "latest_block_hash"),
                string(sync, "latest_block_time"),
                number(sync, "earliest_block_height"),
                catching == JsonValue.TRUE);
    }

    /** One entry of {@code tx_search}'s {@code txs}, or the answer of {@code tx}. */
    public static TxRecord txRecord(JsonObject r) throws LedgerException {
        String hash = requiredString(r, "hash");
        long height = number(r, "height");
        int index = (int) number(r, "index");
        if (height < 1) {
            throw malformed("transaction " + hash + " without a height");
        }
        TxOutcome result = outcome(object(r, "tx_result"), new Position(height, index), hash);
        return new TxRecord(hash, height, index, bytes(r, "tx"), result);
    }

    /** The {@code TxResult} of a websocket Tx event ({@code data.value.TxResult}); the hash comes from {@code events}. */
    public static TxRecord txEvent(JsonObject txResult, String hash) throws LedgerException {
        long height = number(txResult, "height");
        int index = (int) number(txResult, "index");
        if (height < 1) {
            throw malformed("Tx event without a height");
        }
        TxOutcome result = outcome(object(txResult, "result"), new Position(height, index), hash);
        return new TxRecord(hash, height, index, bytes(txResult, "tx"), result);
    }

    /**
     * The transactions of a block: {@code txsResults} from {@code block_results} (one entry per transaction, in block
     * order) joined with the transactions of the {@code block} answer, whose SHA-256 is the transaction hash.
     */
    public static List<TxRecord> blockTxs(long height, JsonArray txsResults, JsonObject blockAnswer)
            throws LedgerException {
        JsonArray txs = txsOf(blockAnswer);
        if (txs == null || txs.size() != txsResults.size()) {
            throw malformed("block " + height + " has " + (txs == null ? 0 : txs.size()) + " transactions but "
                    + txsResults.size() + " results");
        }
        List<TxRecord> records = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            if (!(txs.get(i) instanceof JsonString tx) || !(txsResults.get(i) instanceof JsonObject result)) {
                throw malformed("block " + height + ": transaction " + i + " unreadable");
            }
            byte[] raw = base64(tx.getString());
            String hash = sha256Hex(raw);
            records.add(new TxRecord(hash, height, i, raw, outcome(result, new Position(height, i), hash)));
        }
        return records;
    }

    /** Where the transaction with {@code hash} is in the answer of {@code block}; -1 if it is not there. */
    public static int indexInBlock(JsonObject blockAnswer, String hash) throws LedgerException {
        JsonArray txs = txsOf(blockAnswer);
        for (int i = 0; txs != null && i < txs.size(); i++) {
            if (txs.get(i) instanceof JsonString tx
                    && sha256Hex(base64(tx.getString())).equalsIgnoreCase(hash)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonArray txsOf(JsonObject blockAnswer) throws LedgerException {
        JsonObject block = object(blockAnswer, "block");
        JsonObject data = block == null ? null : object(block, "data");
        return data == null ? null : array(data, "txs");
    }

    /** A transaction's hash as CometBFT gives it: uppercase hex SHA-256 of its bytes. */
    public static String sha256Hex(byte[] tx) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(tx));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Where a transaction is, to give its events ids; {@code null} for CheckTx outcomes (events get no ids). */
    record Position(long height, int txIndex) {}

    static TxOutcome outcome(JsonObject o, Position at, String hash) throws LedgerException {
        if (o == null) {
            return new TxOutcome(0, "", "", List.of());
        }
        List<LedgerEvent> events = new ArrayList<>();
        JsonArray list = array(o, "events");
        if (at != null && list != null) {
            for (int i = 0; i < list.size(); i++) {
                events.add(event(list.getJsonObject(i), new EventId(at.height(), at.txIndex(), i), hash));
            }
        }
        return new TxOutcome((int) number(o, "code"), string(o, "codespace"), string(o, "log"), events);
    }

    static LedgerEvent event(JsonObject e, EventId id, String hash) throws LedgerException {
        List<EventAttribute> attributes = new ArrayList<>();
        JsonArray list = array(e, "attributes");
        if (list != null) {
            for (JsonValue v : list) {
                if (!(v instanceof JsonObject a)) {
                    throw malformed("event attribute is not an object: " + v);
                }
                attributes.add(
                        new EventAttribute(string(a, "key"), string(a, "value"), a.get("index") == JsonValue.TRUE));
            }
        }
        return new LedgerEvent(id, hash, string(e, "type"), attributes);
    }

    // ---------------------------------------------------------------- tolerant field readers

    /** A number sent as JSON number or decimal string; absent or null is 0. */
    public static long number(JsonObject o, String key) throws LedgerException {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return 0;
        }
        try {
            if (v instanceof JsonNumber n) {
                return n.longValueExact();
            }
            if (v instanceof JsonString s) {
                return s.getString().isEmpty() ? 0 : Long.parseLong(s.getString());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw malformed(key + " is not an integer: " + v);
        }
        throw malformed(key + " is not a number: " + v);
    }

    /** A string; absent or null is "". */
    public static String string(JsonObject o, String key) throws LedgerException {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw malformed(key + " is not a string: " + v);
    }

    static String requiredString(JsonObject o, String key) throws LedgerException {
        String s = string(o, key);
        if (s.isEmpty()) {
            throw malformed("answer without " + key);
        }
        return s;
    }

    /** Base64 bytes; absent, null or "" is {@code null}. */
    static byte[] bytes(JsonObject o, String key) throws LedgerException {
        String s = string(o, key);
        if (s.isEmpty()) {
            return null;
        }
        return base64(s);
    }

    static byte[] base64(String s) throws LedgerException {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw malformed("not base64: " + (s.length() > 40 ? s.substring(0, 40) + "…" : s));
        }
    }

    public static JsonObject object(JsonObject o, String key) throws LedgerException {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonObject x) {
            return x;
        }
        throw malformed(key + " is not an object");
    }

    public static JsonArray array(JsonObject o, String key) throws LedgerException {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonArray x) {
            return x;
        }
        throw malformed(key + " is not an array");
    }

    static LedgerException malformed(String message) {
        return new LedgerException(LedgerException.Kind.MALFORMED_RESPONSE, message);
    }
}
