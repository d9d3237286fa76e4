package nym.ledger.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.abci.proto.Abci.ExecTxResult;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestInfo;
import nym.ledger.abci.proto.Abci.RequestQuery;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.abci.proto.Abci.ResponseCheckTx;
import nym.ledger.abci.proto.Abci.ResponseQuery;
import nym.ledger.devnet.proto.DevnetProto.StoredBlock;
import nym.ledger.tx.Transaction;

/**
 * The CometBFT RPC methods the devnet serves, answering with v0.38's JSON shapes. Parameters come as a JSON
 * object (JSON-RPC) or as URI query strings (GET), where strings may be quoted and bytes are 0x-hex.
 */
public final class RpcMethods {
    private static final Pattern HEX64 = Pattern.compile("^(0x|0X)?[0-9a-fA-F]{64}$");

    private final DevnetNode node;
    private final String rpcAddress;
    private final Duration commitTimeout;

    public RpcMethods(DevnetNode node, String rpcAddress, Duration commitTimeout) {
        this.node = node;
        this.rpcAddress = rpcAddress;
        this.commitTimeout = commitTimeout;
    }

    /** The node's counters in the Prometheus text format ({@code GET /metrics}). */
    public String metricsText() {
        return node.metrics().prometheusText(node.identity().chainId());
    }

    /** Calls a method; the future fails with a {@link LedgerException} (see {@link RpcError#of}). {@code uri} says params came from a GET. */
    public CompletableFuture<JsonNode> call(String method, JsonNode params, boolean uri) {
        try {
            JsonNode p = named(method, params);
            return switch (method) {
                case "health" -> done(RpcJson.JSON.createObjectNode());
                case "status" -> done(status());
                case "genesis" -> done(genesis());
                case "net_info" -> done(netInfo());
                case "consensus_params" -> done(consensusParams(p));
                case "commit" -> done(commit(p));
                case "validators" -> done(validators(p));
                case "num_unconfirmed_txs" -> {
                    ObjectNode o = RpcJson.JSON.createObjectNode();
                    o.put("n_txs", Integer.toString(node.mempoolSize()));
                    o.put("total", Integer.toString(node.mempoolSize()));
                    o.put("total_bytes", "0");
                    o.putNull("txs");
                    yield done(o);
                }
                case "abci_info" -> done(abciInfo());
                case "abci_query" -> done(abciQuery(p, uri));
                case "broadcast_tx_async" -> broadcastAsync(txParam(p, uri));
                case "broadcast_tx_sync" -> broadcastSync(txParam(p, uri));
                case "broadcast_tx_commit" -> broadcastCommit(txParam(p, uri));
                case "tx" -> done(tx(p, uri));
                case "tx_search" -> done(txSearch(p));
                case "block" -> done(RpcJson.blockResult(block(p), node.identity()));
                case "block_results" -> done(RpcJson.blockResults(block(p)));
                default -> throw new LedgerException(Kind.UNKNOWN_METHOD, method);
            };
        } catch (LedgerException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Positional parameter names, for JSON-RPC requests that send params as an array. */
    private static final java.util.Map<String, List<String>> POSITIONAL = java.util.Map.ofEntries(
            java.util.Map.entry("abci_query", List.of("path", "data", "height", "prove")),
            java.util.Map.entry("broadcast_tx_async", List.of("tx")),
            java.util.Map.entry("broadcast_tx_sync", List.of("tx")),
            java.util.Map.entry("broadcast_tx_commit", List.of("tx")),
            java.util.Map.entry("tx", List.of("hash", "prove")),
            java.util.Map.entry("tx_search", List.of("query", "prove", "page", "per_page", "order_by")),
            java.util.Map.entry("block", List.of("height")),
            java.util.Map.entry("block_results", List.of("height")),
            java.util.Map.entry("subscribe", List.of("query")),
            java.util.Map.entry("unsubscribe", List.of("query")));

    /** Params as an object: null becomes {}, an array is mapped to the method's parameter names. */
    static JsonNode named(String method, JsonNode params) {
        if (params == null || params.isNull()) {
            return RpcJson.JSON.createObjectNode();
        }
        if (params.isObject()) {
            return params;
        }
        if (params.isArray()) {
            List<String> names = POSITIONAL.getOrDefault(method, List.of());
            if (params.size() > names.size()) {
                throw new LedgerException(Kind.INVALID_PARAMS, "too many params for " + method);
            }
            ObjectNode o = RpcJson.JSON.createObjectNode();
            for (int i = 0; i < params.size(); i++) {
                o.set(names.get(i), params.get(i));
            }
            return o;
        }
        throw new LedgerException(Kind.INVALID_PARAMS, "params must be an object or an array");
    }

    private static CompletableFuture<JsonNode> done(JsonNode n) {
        return CompletableFuture.completedFuture(n);
    }

    // ------------------------------------------------------------------ params

    static String str(JsonNode p, String name, boolean uri) {
        JsonNode n = p.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.asText();
        if (uri && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Bytes: base64 in JSON-RPC; 0x-hex or a quoted string in a URI. */
    static byte[] bytes(JsonNode p, String name, boolean uri) {
        JsonNode n = p.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        String raw = n.asText();
        try {
            if (uri) {
                if (raw.startsWith("0x") || raw.startsWith("0X")) {
                    return Hex.parse(raw);
                }
                if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                    return raw.substring(1, raw.length() - 1).getBytes(StandardCharsets.UTF_8);
                }
                return Base64.getDecoder().decode(raw);
            }
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException | LedgerException e) {
            throw new LedgerException(
                    Kind.INVALID_PARAMS,
                    "error converting " + name + ": not "
                            + (uri ? "0x-hex, base64 or a quoted " + "string" : "base64"));
        }
    }

    private static byte[] txParam(JsonNode p, boolean uri) {
        byte[] tx = bytes(p, "tx", uri);
        if (tx == null) {
            throw new LedgerException(Kind.INVALID_PARAMS, "missing tx");
        }
        return tx;
    }

    static long longParam(JsonNode p, String name, long dflt, boolean uri) {
        String s = str(p, name, uri);
        if (s == null || s.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new LedgerException(Kind.INVALID_PARAMS, name + " must be an integer, got " + s);
        }
    }

    // ------------------------------------------------------------------ info

    private ObjectNode status() {
        DevnetNode.Identity id = node.identity();
        ObjectNode o = RpcJson.JSON.createObjectNode();
        ObjectNode ni = o.putObject("node_info");
        ObjectNode pv = ni.putObject("protocol_version");
        pv.put("p2p", "8");
        pv.put("block", "11");
        pv.put("app", "1");
        ni.put("id", id.nodeId());
        ni.put("listen_addr", "tcp://127.0.0.1:0");
        ni.put("network", id.chainId());
        ni.put("version", "0.38.0-nym-devnet");
        ni.put("channels", "");
        ni.put("moniker", id.moniker());
        ObjectNode other = ni.putObject("other");
        other.put("tx_index", "on");
        other.put("rpc_address", rpcAddress);
        ObjectNode si = o.putObject("sync_info");
        StoredBlock first = node.chain().block(1);
        StoredBlock last = node.chain().latest();
        si.put(
                "latest_block_hash",
                last == null ? "" : Hex.upper(last.getBlockHash().toByteArray()));
        si.put("latest_app_hash", Hex.upper(node.lastAppHash()));
        si.put("latest_block_height", Long.toString(last == null ? 0 : last.getHeight()));
        si.put(
                "latest_block_time",
                last == null ? node.genesis().genesisTime().toString() : RpcJson.time(last.getTimeUnixNanos()));
        si.put(
                "earliest_block_hash",
                first == null ? "" : Hex.upper(first.getBlockHash().toByteArray()));
        si.put(
                "earliest_app_hash",
                first == null ? "" : Hex.upper(first.getAppHash().toByteArray()));
        si.put("earliest_block_height", Long.toString(first == null ? 0 : 1));
        si.put(
                "earliest_block_time",
                first == null ? node.genesis().genesisTime().toString() : RpcJson.time(first.getTimeUnixNanos()));
        si.put("catching_up", false);
        ObjectNode vi = o.putObject("validator_info");
        vi.put("address", Hex.upper(id.address()));
        ObjectNode pk = vi.putObject("pub_key");
        pk.put("type", "tendermint/PubKeyEd25519");
        pk.put("value", Base64.getEncoder().encodeToString(id.pubKey()));
        vi.put("voting_power", "10");
        return o;
    }

    private ObjectNode abciInfo() {
        Response r = node.queryConnection()
                .call(Request.newBuilder()
                        .setInfo(RequestInfo.newBuilder()
                                .setVersion("0.38.0-nym-devnet")
                                .setBlockVersion(11)
                                .setP2PVersion(8)
                                .setAbciVersion("2.0.0"))
                        .build());
        ObjectNode o = RpcJson.JSON.createObjectNode();
        ObjectNode resp = o.putObject("response");
        resp.put("data", r.getInfo().getData());
        resp.put("version", r.getInfo().getVersion());
        resp.put("app_version", Long.toString(r.getInfo().getAppVersion()));
        resp.put("last_block_height", Long.toString(r.getInfo().getLastBlockHeight()));
        RpcJson.bytes(resp, "last_block_app_hash", r.getInfo().getLastBlockAppHash());
        return o;
    }

    private ObjectNode abciQuery(JsonNode p, boolean uri) {
        String path = str(p, "path", uri);
        String dataHex = str(p, "data", uri);
        byte[] data;
        try {
            data = dataHex == null || dataHex.isEmpty() ? new byte[0] : Hex.parse(dataHex);
        } catch (LedgerException e) {
            throw new LedgerException(Kind.INVALID_PARAMS, "data must be hex");
        }
        long height = longParam(p, "height", 0, uri);
        boolean prove = p.has("prove") && (p.get("prove").asBoolean() || "true".equals(str(p, "prove", uri)));
        Response r = node.queryConnection()
                .call(Request.newBuilder()
                        .setQuery(RequestQuery.newBuilder()
                                .setPath(path == null ? "" : path)
                                .setData(ByteString.copyFrom(data))
                                .setHeight(height)
                                .setProve(prove))
                        .build());
        ResponseQuery q = r.getQuery();
        ObjectNode o = RpcJson.JSON.createObjectNode();
        ObjectNode resp = o.putObject("response");
        resp.put("code", q.getCode());
        resp.put("log", q.getLog());
        resp.put("info", q.getInfo());
        resp.put("index", Long.toString(q.getIndex()));
        RpcJson.bytes(resp, "key", q.getKey());
        RpcJson.bytes(resp, "value", q.getValue());
        resp.putNull("proofOps");
        resp.put("height", Long.toString(q.getHeight()));
        resp.put("codespace", q.getCodespace());
        return o;
    }

    private ObjectNode validatorJson(boolean genesisStyle) {
        DevnetNode.Identity id = node.identity();
        ObjectNode v = RpcJson.JSON.createObjectNode();
        v.put("address", Hex.upper(id.address()));
        ObjectNode pk = v.putObject("pub_key");
        pk.put("type", "tendermint/PubKeyEd25519");
        pk.put("value", Base64.getEncoder().encodeToString(id.pubKey()));
        if (genesisStyle) {
            v.put("power", "10");
            v.put("name", "");
        } else {
            v.put("voting_power", "10");
            v.put("proposer_priority", "0");
        }
        return v;
    }

    private ObjectNode consensusParamsJson() {
        ObjectNode cp = RpcJson.JSON.createObjectNode();
        ObjectNode block = cp.putObject("block");
        block.put("max_bytes", Long.toString(node.maxBlockBytes()));
        block.put("max_gas", "-1");
        ObjectNode ev = cp.putObject("evidence");
        ev.put("max_age_num_blocks", "100000");
        ev.put("max_age_duration", "172800000000000");
        ev.put("max_bytes", "1048576");
        cp.putObject("validator").putArray("pub_key_types").add("ed25519");
        cp.putObject("version").put("app", "0");
        cp.putObject("abci").put("vote_extensions_enable_height", "0");
        return cp;
    }

    /** The genesis in CometBFT's shape; the validator is the devnet's own (it signs every block). */
    private ObjectNode genesis() {
        GenesisDoc g = node.genesis();
        ObjectNode doc = RpcJson.JSON.createObjectNode();
        doc.put("genesis_time", g.genesisTime().toString());
        doc.put("chain_id", g.chainId());
        doc.put("initial_height", Long.toString(g.initialHeight()));
        doc.set("consensus_params", consensusParamsJson());
        doc.putArray("validators").add(validatorJson(true));
        doc.put("app_hash", "");
        doc.set("app_state", g.json().get("app_state"));
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.set("genesis", doc);
        return o;
    }

    private static ObjectNode netInfo() {
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("listening", false);
        o.putArray("listeners");
        o.put("n_peers", "0");
        o.putArray("peers");
        return o;
    }

    private ObjectNode consensusParams(JsonNode p) {
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("block_height", Long.toString(block(p).getHeight()));
        o.set("consensus_params", consensusParamsJson());
        return o;
    }

    private ObjectNode validators(JsonNode p) {
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("block_height", Long.toString(block(p).getHeight()));
        o.putArray("validators").add(validatorJson(false));
        o.put("count", "1");
        o.put("total", "1");
        return o;
    }

    /** The commit for a block: canonical once the next block carries it, else the validator's own commit. */
    private ObjectNode commit(JsonNode p) {
        StoredBlock b = block(p);
        StoredBlock next = node.chain().block(b.getHeight() + 1);
        ObjectNode o = RpcJson.JSON.createObjectNode();
        ObjectNode sh = o.putObject("signed_header");
        sh.set("header", RpcJson.block(b, node.identity()).get("header"));
        ObjectNode c = sh.putObject("commit");
        c.put("height", Long.toString(b.getHeight()));
        c.put("round", 0);
        c.set("block_id", RpcJson.blockId(b.getBlockHash(), b.getPartsHash()));
        ObjectNode sig = c.putArray("signatures").addObject();
        sig.put("block_id_flag", 2);
        sig.put("validator_address", Hex.upper(node.identity().address()));
        sig.put("timestamp", RpcJson.time(next != null ? next.getLastCommitTimeUnixNanos() : b.getTimeUnixNanos()));
        sig.put(
                "signature",
                Base64.getEncoder()
                        .encodeToString(
                                next != null ? next.getLastCommitSignature().toByteArray() : node.commitSignature(b)));
        o.put("canonical", next != null);
        return o;
    }

    // ------------------------------------------------------------------ broadcast

    private static ObjectNode checkResult(ResponseCheckTx c, String hash) {
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("code", c.getCode());
        o.put(
                "data",
                c.getData().isEmpty()
                        ? ""
                        : Base64.getEncoder().encodeToString(c.getData().toByteArray()));
        o.put("log", c.getLog());
        o.put("codespace", c.getCodespace());
        o.put("hash", hash);
        return o;
    }

    private CompletableFuture<JsonNode> broadcastAsync(byte[] tx) {
        String hash = Hex.upper(Transaction.sha256(tx));
        node.checkTx(tx); // answered before CheckTx completes
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("code", 0);
        o.put("data", "");
        o.put("log", "");
        o.put("codespace", "");
        o.put("hash", hash);
        return done(o);
    }

    private CompletableFuture<JsonNode> broadcastSync(byte[] tx) {
        String hash = Hex.upper(Transaction.sha256(tx));
        return node.checkTx(tx).handle((c, err) -> {
            if (err != null) {
                throw cause(err) instanceof LedgerException l
                        ? l
                        : new LedgerException(Kind.UNAVAILABLE, cause(err).getMessage());
            }
            return checkResult(c, hash);
        });
    }

    private CompletableFuture<JsonNode> broadcastCommit(byte[] tx) {
        String hash = Hex.upper(Transaction.sha256(tx));
        CompletableFuture<DevnetNode.Committed> committed = node.awaitCommit(hash);
        CompletableFuture<ResponseCheckTx> check;
        try {
            check = node.checkTx(tx);
        } catch (RuntimeException e) {
            node.forgetWaiter(hash, committed);
            throw e;
        }
        return check.thenCompose(c -> {
                    ObjectNode o = RpcJson.JSON.createObjectNode();
                    ObjectNode ct = o.putObject("check_tx");
                    ct.put("code", c.getCode());
                    RpcJson.bytes(ct, "data", c.getData());
                    ct.put("log", c.getLog());
                    ct.put("info", c.getInfo());
                    ct.put("gas_wanted", Long.toString(c.getGasWanted()));
                    ct.put("gas_used", Long.toString(c.getGasUsed()));
                    ct.set("events", RpcJson.events(c.getEventsList()));
                    ct.put("codespace", c.getCodespace());
                    o.put("hash", hash);
                    if (c.getCode() != 0) {
                        node.forgetWaiter(hash, committed);
                        o.set("tx_result", RpcJson.txResult(ExecTxResult.getDefaultInstance()));
                        o.put("height", "0");
                        return CompletableFuture.<JsonNode>completedFuture(o);
                    }
                    return committed
                            .orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .handle((done, err) -> {
                                if (err != null) {
                                    node.forgetWaiter(hash, committed);
                                    throw new LedgerException(
                                            Kind.UNAVAILABLE,
                                            cause(err) instanceof TimeoutException
                                                    ? "timed out waiting for tx to be included in a block"
                                                    : cause(err).getMessage());
                                }
                                o.set("tx_result", RpcJson.txResult(done.result()));
                                o.put("height", Long.toString(done.height()));
                                return (JsonNode) o;
                            });
                })
                .exceptionallyCompose(err -> CompletableFuture.failedFuture(
                        cause(err) instanceof LedgerException l
                                ? l
                                : new LedgerException(
                                        Kind.UNAVAILABLE,
                                        String.valueOf(cause(err).getMessage()))));
    }

    private static Throwable cause(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    // ------------------------------------------------------------------ tx, tx_search, block

    private ObjectNode tx(JsonNode p, boolean uri) {
        String raw = str(p, "hash", uri);
        if (raw == null) {
            throw new LedgerException(Kind.INVALID_PARAMS, "missing hash");
        }
        byte[] hash;
        try {
            hash = HEX64.matcher(raw).matches()
                    ? Hex.parse(raw)
                    : Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(Kind.INVALID_PARAMS, "hash must be hex or base64");
        }
        String h = Hex.upper(hash);
        ChainStore.TxLocation loc = node.chain().find(h);
        if (loc == null) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "tx (" + h + ") not found");
        }
        boolean prove = p.has("prove") && (p.get("prove").asBoolean() || "true".equals(str(p, "prove", uri)));
        return txJson(node.chain().block(loc.height()), loc.index(), prove);
    }

    private static ObjectNode txJson(StoredBlock b, int index, boolean prove) {
        byte[] tx = b.getTxs(index).toByteArray();
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("hash", Hex.upper(Transaction.sha256(tx)));
        o.put("height", Long.toString(b.getHeight()));
        o.put("index", index);
        o.set("tx_result", RpcJson.txResult(b.getResults().getTxResults(index)));
        o.put("tx", Base64.getEncoder().encodeToString(tx));
        if (prove) {
            List<byte[]> hashes = new ArrayList<>();
            b.getTxsList().forEach(t -> hashes.add(Transaction.sha256(t.toByteArray())));
            ObjectNode pr = o.putObject("proof");
            pr.put("root_hash", Hex.upper(b.getDataHash().toByteArray()));
            pr.put("data", Base64.getEncoder().encodeToString(tx));
            ObjectNode inner = pr.putObject("proof");
            inner.put("total", Long.toString(hashes.size()));
            inner.put("index", Long.toString(index));
            inner.put("leaf_hash", Base64.getEncoder().encodeToString(Merkle.leafHash(hashes.get(index))));
            ArrayNode aunts = inner.putArray("aunts");
            Merkle.aunts(hashes, index)
                    .forEach(a -> aunts.add(Base64.getEncoder().encodeToString(a)));
        }
        return o;
    }

    private ObjectNode txSearch(JsonNode p) {
        String q = str(p, "query", true);
        EventQuery query = EventQuery.parse(q);
        boolean prove = p.has("prove") && (p.get("prove").asBoolean() || "true".equals(str(p, "prove", true)));
        long page = longParam(p, "page", 1, true);
        long perPage = Math.min(100, Math.max(1, longParam(p, "per_page", 30, true)));
        String order = str(p, "order_by", true);
        boolean desc = "desc".equals(order);
        if (order != null && !order.isEmpty() && !desc && !"asc".equals(order)) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "expected order_by to be either `asc` or `desc` or empty");
        }
        List<long[]> hits = new ArrayList<>();
        long top = node.chain().height();
        for (long h = 1; h <= top; h++) {
            StoredBlock b = node.chain().block(h);
            for (int i = 0; i < b.getTxsCount(); i++) {
                if (query.matches(RpcJson.txEvents(
                        b.getResults().getTxResults(i), b.getTxs(i).toByteArray(), h, true))) {
                    hits.add(new long[] {h, i});
                }
            }
        }
        if (desc) {
            java.util.Collections.reverse(hits);
        }
        long pages = Math.max(1, (hits.size() + perPage - 1) / perPage);
        if (page < 1 || page > pages) {
            throw new LedgerException(
                    Kind.INVALID_ARGUMENT, "page should be within [1, " + pages + "] range, given " + page);
        }
        ObjectNode o = RpcJson.JSON.createObjectNode();
        ArrayNode txs = o.putArray("txs");
        for (long k = (page - 1) * perPage; k < Math.min(hits.size(), page * perPage); k++) {
            long[] hit = hits.get((int) k);
            txs.add(txJson(node.chain().block(hit[0]), (int) hit[1], prove));
        }
        o.put("total_count", Long.toString(hits.size()));
        return o;
    }

    private StoredBlock block(JsonNode p) {
        long top = node.chain().height();
        long h = longParam(p, "height", top, true);
        if (h == 0) {
            h = top;
        }
        if (h < 0) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "height must be greater than 0, but got " + h);
        }
        if (h > top) {
            throw new LedgerException(
                    Kind.INVALID_ARGUMENT,
                    "height " + h + " must be less than or equal to the current blockchain height " + top);
        }
        if (h == 0) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "no blocks yet");
        }
        return node.chain().block(h);
    }
}
