package nym.ledger.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.Deposit;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.PipeOutcome;
import nym.ledger.tx.proto.LedgerProto.PipeVotes;
import nym.ledger.tx.proto.LedgerProto.ZetaRecord;

/**
 * The ledger's state machine with the ABCI life cycle: InitChain, CheckTx (on a mempool overlay), PrepareProposal
 * (simulated on a scratch overlay), FinalizeBlock (each transaction's effects on their own overlay, merged only on
 * success), Commit (persisted), Query. All methods are serialised on this object; decoding and signature recovery
 * happen before taking the lock.
 *
 * <p>Nonces: a transaction refused at CheckTx consumes nothing. In a block, a transaction with a valid signature,
 * chain id and nonce consumes its nonce even when its effects fail (they are rolled back): otherwise it would stay
 * valid and could be included again later, when its effects might succeed ("zombie" transaction).
 */
public final class LedgerState implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateStore store;
    private final DecodeCache decoded = new DecodeCache(DecodeCache.MAX_BYTES);
    private Overlay check;
    private static final System.Logger LOG = System.getLogger(LedgerState.class.getName());

    private Map<String, byte[]> pendingChanges;
    private long pendingHeight = -1;
    private byte[] pendingHash;
    /** Restores the committed state if the pending block is executed again (see finalizeBlock). */
    private Map<String, byte[]> pendingUndo = Map.of();

    private Params params;

    private LedgerState(StateStore store) {
        this.store = store;
        if (store.get("params") != null) {
            params = Executor.params(store);
        }
        this.check = nextBlockState();
    }

    /**
     * The committed state as the next block starts it ({@link #startBlock}): the base of the mempool state, so
     * CheckTx refuses e.g. a vote on a deposit that expires before the vote could be included, or a dealing for a
     * key epoch whose dealing phase closes before the dealing could be included.
     */
    private Overlay nextBlockState() {
        Overlay o = new Overlay(store);
        startBlock(o, store.height() + 1, StakeRecords.blockTime(store));
        return o;
    }

    /**
     * What happens at the start of block {@code height} with block time {@code timeMs}, before its transactions: the
     * deposits due expire, the latest key epoch moves to its phase at this height, and on a chain with stake the
     * block time is recorded and a due mixnet epoch settled ({@link Settlement}). Returns the block events.
     */
    private List<LedgerEvent> startBlock(StateView s, long height, long timeMs) {
        List<LedgerEvent> events = new ArrayList<>(DepositExpiry.expireDue(s, height));
        if (params != null) {
            events.addAll(KeyEpochs.advance(s, params, height));
            events.addAll(Settlement.startBlock(s, params, height, timeMs));
        }
        return events;
    }

    public static LedgerState open(Path dir) {
        return new LedgerState(StateStore.open(dir));
    }

    public static LedgerState inMemory() {
        return new LedgerState(StateStore.inMemory());
    }

    /** Last committed height (0 before the first block). */
    public synchronized long height() {
        return store.height();
    }

    /** App hash of the last commit (empty before InitChain). */
    public synchronized byte[] appHash() {
        return store.appHash();
    }

    public synchronized boolean initialized() {
        return params != null;
    }

    public synchronized Params params() {
        requireInitialized();
        return params;
    }

    /** Applies the genesis app state; returns the initial app hash. Refuses a second genesis. */
    public synchronized byte[] initChain(String chainId, byte[] appState) {
        Genesis g = Genesis.parse(appState, chainId);
        if (params != null) {
            // CometBFT repeats InitChain if the node stopped before block 1: accept the identical genesis
            StateStore fresh = StateStore.inMemory();
            Executor.applyGenesis(fresh, g);
            if (store.height() == 0 && java.util.Arrays.equals(fresh.computeHash(), store.appHash())) {
                return store.appHash();
            }
            throw new LedgerException(
                    Kind.PROTOCOL, "InitChain on an initialised chain (height " + store.height() + ")");
        }
        Overlay o = new Overlay(store);
        Executor.applyGenesis(o, g);
        Map<String, byte[]> changes = o.changes();
        store.apply(changes);
        byte[] hash = store.computeHash();
        store.commit(0, hash, changes);
        params = g.params();
        check = nextBlockState();
        return hash;
    }

    /**
     * Mempool admission: full execution against the mempool state, which is reset at every commit; all or nothing
     * (a refused transaction does not consume its nonce). Also serves CometBFT's re-checks after each block.
     */
    public TxOutcome checkTx(byte[] raw) {
        byte[] hash = Transaction.sha256(raw);
        Transaction tx = decoded.get(hash);
        if (tx == null) {
            try {
                tx = Transaction.decode(raw);
            } catch (LedgerException e) {
                return TxOutcome.refused(e);
            }
        }
        synchronized (this) {
            try {
                requireInitialized();
                Overlay o = new Overlay(check);
                // CheckTx runs at the last committed block's time: the next block's is not known yet
                List<LedgerEvent> events =
                        Executor.execute(o, params, tx, store.height() + 1, StakeRecords.blockTime(store));
                o.mergeIntoParent();
                decoded.put(tx, raw);
                return TxOutcome.ok(events);
            } catch (LedgerException e) {
                decoded.remove(hash); // a re-check refused it: it leaves the mempool
                return TxOutcome.refused(e);
            }
        }
    }

    /** Bytes held by the decode cache (as it accounts them), for tests. */
    long decodeCacheBytes() {
        return decoded.bytes();
    }

    /**
     * The transactions of a proposal for {@code height} (block time {@code timeMs}, the proposal's) that would
     * succeed, in order, within {@code maxTxBytes}:
     * each is simulated as FinalizeBlock would run it, on a scratch overlay that keeps the effects of the ones
     * chosen before it; one that would fail is left out (and so consumes no nonce).
     */
    public List<byte[]> prepareProposal(long height, long timeMs, List<byte[]> txs, long maxTxBytes) {
        List<Object> parsed = decodeAll(txs, false);
        synchronized (this) {
            requireInitialized();
            Overlay scratch = new Overlay(store);
            startBlock(scratch, height, timeMs);
            List<byte[]> chosen = new ArrayList<>();
            long used = 0;
            for (int i = 0; i < txs.size(); i++) {
                byte[] raw = txs.get(i);
                if (used + raw.length > maxTxBytes) {
                    break;
                }
                if (parsed.get(i) instanceof Transaction tx) {
                    Overlay trial = new Overlay(scratch);
                    if (runInBlock(trial, tx, height, timeMs).isOk()) {
                        trial.mergeIntoParent();
                        chosen.add(raw);
                        used += raw.length;
                    }
                }
            }
            return chosen;
        }
    }

    /**
     * Each transaction decoded (from the cache when CheckTx kept it; {@code take} removes it, for a decided block),
     * or the {@link LedgerException} that refuses it.
     */
    private List<Object> decodeAll(List<byte[]> txs, boolean take) {
        List<Object> out = new ArrayList<>(txs.size());
        for (byte[] raw : txs) {
            byte[] hash = Transaction.sha256(raw);
            Transaction tx = decoded.get(hash);
            if (tx != null) {
                if (take) {
                    decoded.remove(hash);
                }
                out.add(tx);
                continue;
            }
            try {
                out.add(Transaction.decode(raw));
            } catch (LedgerException e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Runs a decoded transaction as part of a block on {@code block}. Refused by {@link Executor#authorize} (wrong
     * chain or nonce) it changes nothing; failing after it, only its consumed nonce remains.
     */
    private TxOutcome runInBlock(StateView block, Transaction tx, long height, long timeMs) {
        try {
            Executor.authorize(block, params, tx);
        } catch (LedgerException e) {
            return TxOutcome.refused(e);
        }
        Overlay effects = new Overlay(block);
        try {
            List<LedgerEvent> events = Executor.apply(effects, params, tx, height, timeMs);
            effects.mergeIntoParent();
            return TxOutcome.ok(events);
        } catch (LedgerException e) {
            return TxOutcome.refused(e);
        }
    }

    /**
     * Result of a block: one outcome per transaction, in order, the block's own events (deposits expired and key
     * epoch phases moved at its start) and the app hash after it.
     */
    public record BlockOutcome(List<TxOutcome> txs, List<LedgerEvent> events, byte[] appHash) {}

    /**
     * Executes a decided block with its time {@code timeMs} (CometBFT's block time, ms since the epoch). Its changes
     * become durable at {@link #commit()}.
     */
    public BlockOutcome finalizeBlock(long height, long timeMs, List<byte[]> txs) {
        List<Object> parsed = decodeAll(txs, true);
        synchronized (this) {
            requireInitialized();
            if (pendingChanges != null) {
                if (height != pendingHeight) {
                    throw new LedgerException(
                            Kind.PROTOCOL, "FinalizeBlock " + height + " before Commit of " + pendingHeight);
                }
                // CometBFT crashed between FinalizeBlock and Commit and, restarted, replays the block: the result
                // of the first execution was never committed, so it is dropped and the block executed again.
                LOG.log(System.Logger.Level.INFO, "FinalizeBlock {0} again before its Commit: re-executing", height);
                store.apply(pendingUndo);
                pendingChanges = null;
            }
            if (height != store.height() + 1) {
                throw new LedgerException(
                        Kind.PROTOCOL, "FinalizeBlock for height " + height + ", expected " + (store.height() + 1));
            }
            Overlay block = new Overlay(store);
            List<LedgerEvent> blockEvents = startBlock(block, height, timeMs);
            List<TxOutcome> outcomes = new ArrayList<>(txs.size());
            for (Object d : parsed) {
                outcomes.add(
                        d instanceof Transaction tx
                                ? runInBlock(block, tx, height, timeMs)
                                : TxOutcome.refused((LedgerException) d));
            }
            pendingChanges = block.changes();
            pendingHeight = height;
            if (pendingChanges.isEmpty()) {
                pendingUndo = Map.of();
                pendingHash = store.appHash(); // nothing changed: same state, same hash (no full re-hash)
            } else {
                pendingUndo = store.apply(pendingChanges);
                pendingHash = store.computeHash();
            }
            return new BlockOutcome(outcomes, blockEvents, pendingHash.clone());
        }
    }

    /** Makes the last finalized block durable and resets the mempool state. Returns the committed height. */
    public synchronized long commit() {
        if (pendingChanges == null) {
            throw new LedgerException(Kind.PROTOCOL, "Commit without FinalizeBlock");
        }
        store.commit(pendingHeight, pendingHash, pendingChanges);
        pendingChanges = null;
        pendingUndo = Map.of();
        pendingHash = null;
        pendingHeight = -1;
        check = nextBlockState();
        return store.height();
    }

    // ------------------------------------------------------------------ queries

    /**
     * Paths: {@code /balance}, {@code /account} (data: address), {@code /zeta} (data: ζ), {@code /deposit}
     * (data: deposit id), {@code /pipe} (data: Ethereum tx hash), {@code /params}, {@code /registry}: data is raw
     * bytes or hex text (with or without 0x); {@code /dkg}, {@code /dkg/completed}, {@code /dkg/dealings} (data: a
     * key epoch in ASCII decimal, or empty), see {@link KeyEpochQueries}; {@code /stake/…}, see {@link StakeQueries}.
     * Values are JSON.
     */
    public synchronized QueryResult query(String path, byte[] data) {
        long h = store.height();
        try {
            requireInitialized();
            String p = path == null ? "" : path.trim();
            ObjectNode out;
            String log = "exists";
            switch (p) {
                case "/balance", "/account", "balance", "account" -> {
                    byte[] a = arg(data, 20, "address");
                    Executor.Account acc = Executor.account(store, a);
                    out = JSON.createObjectNode();
                    out.put("address", Hex.prefixed(a));
                    out.put("balance", Long.toString(acc.balance()));
                    if (p.endsWith("account")) {
                        out.put("nonce", Long.toString(acc.nonce()));
                    }
                    if (store.get(Executor.accountKey(a)) == null) {
                        log = "does not exist";
                    }
                }
                case "/zeta", "zeta" -> {
                    byte[] z = arg(data, Zeta.BYTES, "ζ");
                    Zeta.requireCanonical(z);
                    byte[] v = store.get(Executor.zetaKey(z));
                    out = JSON.createObjectNode();
                    out.put("zeta", Hex.lower(z));
                    if (v == null) {
                        out.put("status", "unspent");
                    } else {
                        ZetaRecord r = Executor.parse(v, ZetaRecord.parser());
                        out.put(
                                "status",
                                switch (r.getStatus()) {
                                    case ZETA_SPENT -> "spent";
                                    case ZETA_PENDING -> "pending";
                                    default -> "unspent";
                                });
                        out.put("deposit_id", Hex.upper(r.getDepositId().toByteArray()));
                    }
                }
                case "/deposit", "deposit" -> {
                    byte[] id = arg(data, 32, "deposit id");
                    byte[] v = store.get(Executor.depositKey(id));
                    if (v == null) {
                        return new QueryResult(0, "does not exist", data, null, h);
                    }
                    Deposit d = Executor.parse(v, Deposit.parser());
                    out = JSON.createObjectNode();
                    out.put("deposit_id", Hex.upper(id));
                    out.put("provider", Hex.prefixed(d.getProvider().toByteArray()));
                    out.put("zeta", Hex.lower(d.getZeta().toByteArray()));
                    out.put("value", Long.toString(d.getValue()));
                    out.put(
                            "status",
                            switch (d.getStatus()) {
                                case DEPOSIT_ACCEPTED -> "accepted";
                                case DEPOSIT_REJECTED -> "rejected";
                                case DEPOSIT_EXPIRED -> "expired";
                                default -> "pending";
                            });
                    out.put("accepts", d.getAcceptsCount());
                    out.put("rejects", d.getRejectsCount());
                    out.put("height", Long.toString(d.getHeight()));
                    out.put("expires_at", Long.toString(d.getHeight() + params.getDepositTimeoutBlocks()));
                    out.put("penalty", Long.toString(d.getPenalty()));
                }
                case "/pipe", "pipe" -> {
                    byte[] e = arg(data, 32, "Ethereum tx hash");
                    byte[] v = store.get(Executor.pipeKey(e));
                    if (v == null) {
                        return new QueryResult(0, "does not exist", data, null, h);
                    }
                    PipeVotes pv = Executor.parse(v, PipeVotes.parser());
                    out = JSON.createObjectNode();
                    out.put("eth_tx_hash", Hex.prefixed(e));
                    out.put("settled", pv.getSettled());
                    if (pv.getSettled()) {
                        out.put(
                                "recipient",
                                Hex.prefixed(pv.getCreditedRecipient().toByteArray()));
                        out.put("amount", Long.toString(pv.getCreditedAmount()));
                    }
                    ArrayNode outcomes = out.putArray("outcomes");
                    for (PipeOutcome o : pv.getOutcomesList()) {
                        ObjectNode n = outcomes.addObject();
                        n.put("recipient", Hex.prefixed(o.getRecipient().toByteArray()));
                        n.put("amount", Long.toString(o.getAmount()));
                        ArrayNode w = n.putArray("watchers");
                        o.getWatchersList().forEach(x -> w.add(Hex.prefixed(x.toByteArray())));
                    }
                }
                case "/params", "params" -> out = Genesis.paramsJson(params);
                case "/registry", "registry" -> out = Genesis.registryJson(params);
                case "/dkg", "dkg" -> out = KeyEpochQueries.epoch(store, params, data);
                case "/dkg/completed", "dkg/completed" -> out = KeyEpochQueries.completed(store, params, data);
                case "/dkg/dealings", "dkg/dealings" -> out = KeyEpochQueries.dealings(store, params, data);
                case "/stake/nodes", "stake/nodes" -> out = StakeQueries.nodes(store, params);
                case "/stake/node", "stake/node" ->
                    out = StakeQueries.node(store, params, StakeQueries.identityArg(data));
                case "/stake/active", "stake/active" -> out = StakeQueries.active(store, params, data);
                case "/stake/epoch", "stake/epoch" -> out = StakeQueries.epoch(store, params, data);
                case "/stake/delegations", "stake/delegations" ->
                    out = StakeQueries.delegations(store, params, arg(data, 20, "address"));
                default ->
                    throw new LedgerException(
                            Kind.BAD_QUERY,
                            "unknown query path '" + p + "' (known: /balance /account /zeta /deposit /pipe /params"
                                    + " /registry /dkg /dkg/completed /dkg/dealings /stake/nodes /stake/node"
                                    + " /stake/active /stake/epoch /stake/delegations)");
            }
            if (out == null) {
                return new QueryResult(0, "does not exist", data, null, h);
            }
            return new QueryResult(0, log, data, JSON.writeValueAsBytes(out), h);
        } catch (LedgerException e) {
            return new QueryResult(e.code(), e.kind().name() + ": " + e.getMessage(), data, null, h);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new QueryResult(Kind.BAD_QUERY.code(), e.getMessage(), data, null, h);
        }
    }

    private static byte[] arg(byte[] data, int rawLength, String what) {
        if (data == null || data.length == 0) {
            throw new LedgerException(Kind.BAD_QUERY, what + " missing in query data");
        }
        if (data.length == rawLength) {
            return data.clone();
        }
        try {
            return Hex.parse(new String(data, StandardCharsets.US_ASCII).trim(), rawLength, what);
        } catch (LedgerException e) {
            throw new LedgerException(Kind.BAD_QUERY, what + " must be " + rawLength + " raw bytes or hex");
        }
    }

    private void requireInitialized() {
        if (params == null) {
            throw new LedgerException(Kind.UNAVAILABLE, "chain not initialised (no genesis)");
        }
    }

    /** The whole committed state, for tests that compare two nodes. */
    synchronized int entries() {
        return store.size();
    }

    @Override
    public synchronized void close() {
        store.close();
    }
}
