package nym.ledger.devnet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.abci.AbciClient;
import nym.ledger.abci.proto.Abci.CheckTxType;
import nym.ledger.abci.proto.Abci.ExecTxResult;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestCheckTx;
import nym.ledger.abci.proto.Abci.RequestCommit;
import nym.ledger.abci.proto.Abci.RequestFinalizeBlock;
import nym.ledger.abci.proto.Abci.RequestInfo;
import nym.ledger.abci.proto.Abci.RequestInitChain;
import nym.ledger.abci.proto.Abci.RequestPrepareProposal;
import nym.ledger.abci.proto.Abci.RequestProcessProposal;
import nym.ledger.abci.proto.Abci.Response;
import nym.ledger.abci.proto.Abci.ResponseCheckTx;
import nym.ledger.abci.proto.Abci.ResponseFinalizeBlock;
import nym.ledger.abci.proto.Abci.ResponseProcessProposal;
import nym.ledger.devnet.proto.DevnetProto.StoredBlock;
import nym.ledger.tx.Transaction;

/**
 * One validator standing in for CometBFT consensus on one machine: it keeps a mempool, produces a block every
 * interval and drives the application over the ABCI socket (consensus, mempool and query connections), exactly
 * as a CometBFT node would, then persists the block and publishes events. Not a consensus engine: there is one
 * proposer, no voting and no peers.
 */
public final class DevnetNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DevnetNode.class.getName());

    /** Settings; see the README's configuration table. */
    public record Config(
            Path home,
            GenesisDoc genesis,
            InetSocketAddress app,
            Duration blockInterval,
            int maxBlockTxs,
            long maxBlockBytes,
            int mempoolSize,
            String moniker) {}

    /** The validator's identity and the constant hashes that go into every header. */
    public record Identity(
            String chainId,
            String moniker,
            byte[] address,
            byte[] pubKey,
            byte[] validatorsHash,
            byte[] consensusHash,
            String nodeId) {}

    /** A transaction's place and result once committed. */
    public record Committed(long height, int index, byte[] tx, ExecTxResult result) {}

    private final Config config;
    private final ChainStore chain;
    private final Identity identity;
    private final PrivateKey validatorKey;
    private final AbciClient consensus;
    private final AbciClient mempoolConn;
    private final AbciClient query;
    private final EventBus bus = new EventBus();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, byte[]> mempool = new LinkedHashMap<>(); // guarded by itself
    private final DevnetMetrics metrics = new DevnetMetrics(this::mempoolSize);
    private final Map<String, List<CompletableFuture<Committed>>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService producer;
    private volatile byte[] lastAppHash;
    private volatile boolean closed;
    private final CompletableFuture<Void> failed = new CompletableFuture<>();

    public DevnetNode(Config config) {
        this.config = config;
        try {
            Files.createDirectories(config.home());
        } catch (IOException e) {
            throw new LedgerException(Kind.STORAGE, "cannot create " + config.home() + ": " + e.getMessage(), e);
        }
        this.validatorKey = loadOrCreateKey(config.home().resolve("validator_key.p8"));
        byte[] pub = publicKey(config.home().resolve("validator_key.p8"));
        byte[] address = Arrays.copyOf(Merkle.sha256(pub), 20);
        byte[] power = ByteBuffer.allocate(8).putLong(10).array();
        this.identity = new Identity(
                config.genesis().chainId(),
                config.moniker(),
                address,
                pub,
                Merkle.root(List.of(concat(pub, power))),
                Merkle.sha256(("nym-devnet-consensus-params:" + config.maxBlockBytes())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Hex.lower(Arrays.copyOf(Merkle.sha256(concat("node".getBytes(), pub)), 20)));
        this.chain = ChainStore.open(config.home().resolve("data"));
        this.consensus = new AbciClient(config.app(), "consensus");
        this.mempoolConn = new AbciClient(config.app(), "mempool");
        this.query = new AbciClient(config.app(), "query");
        try {
            handshake();
        } catch (RuntimeException e) {
            closeConnections();
            chain.close();
            throw e;
        }
        this.producer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devnet-producer");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, config.blockInterval().toMillis());
        producer.scheduleWithFixedDelay(this::produceSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    public Identity identity() {
        return identity;
    }

    public ChainStore chain() {
        return chain;
    }

    public EventBus bus() {
        return bus;
    }

    public AbciClient queryConnection() {
        return query;
    }

    public GenesisDoc genesis() {
        return config.genesis();
    }

    public DevnetMetrics metrics() {
        return metrics;
    }

    public int mempoolSize() {
        synchronized (mempool) {
            return mempool.size();
        }
    }

    // ------------------------------------------------------------------ handshake

    private void handshake() {
        Response info = query.call(Request.newBuilder()
                .setInfo(RequestInfo.newBuilder()
                        .setVersion("0.38.0-nym-devnet")
                        .setBlockVersion(11)
                        .setP2PVersion(8)
                        .setAbciVersion("2.0.0"))
                .build());
        long appHeight = info.getInfo().getLastBlockHeight();
        long storeHeight = chain.height();
        LOG.log(System.Logger.Level.INFO, "handshake: app height {0}, block store height {1}", appHeight, storeHeight);
        if (appHeight > storeHeight) {
            throw new LedgerException(
                    Kind.PROTOCOL,
                    "application is at height " + appHeight + " but the block store only has " + storeHeight
                            + " blocks");
        }
        if (appHeight == 0) {
            GenesisDoc g = config.genesis();
            Response init = consensus.call(Request.newBuilder()
                    .setInitChain(RequestInitChain.newBuilder()
                            .setChainId(g.chainId())
                            .setInitialHeight(1)
                            .setTime(Timestamp.newBuilder()
                                    .setSeconds(g.genesisTime().getEpochSecond())
                                    .setNanos(g.genesisTime().getNano()))
                            .setAppStateBytes(ByteString.copyFrom(g.appState())))
                    .build());
            lastAppHash = init.getInitChain().getAppHash().toByteArray();
        } else {
            lastAppHash = info.getInfo().getLastBlockAppHash().toByteArray();
            byte[] stored = chain.block(appHeight).getResults().getAppHash().toByteArray();
            if (!Arrays.equals(stored, lastAppHash)) {
                throw new LedgerException(
                        Kind.PROTOCOL,
                        "app hash at height " + appHeight + " differs from the block" + " store: app "
                                + Hex.upper(lastAppHash) + ", store " + Hex.upper(stored));
            }
        }
        for (long h = appHeight + 1; h <= storeHeight; h++) { // replay blocks the app has not committed
            StoredBlock b = chain.block(h);
            ResponseFinalizeBlock r = consensus.call(finalizeRequest(b)).getFinalizeBlock();
            if (!r.getAppHash().equals(b.getResults().getAppHash())) {
                throw new LedgerException(Kind.PROTOCOL, "replaying block " + h + " gave a different app hash");
            }
            consensus.call(Request.newBuilder()
                    .setCommit(RequestCommit.getDefaultInstance())
                    .build());
            lastAppHash = r.getAppHash().toByteArray();
        }
    }

    private static Request finalizeRequest(StoredBlock b) {
        return Request.newBuilder()
                .setFinalizeBlock(RequestFinalizeBlock.newBuilder()
                        .addAllTxs(b.getTxsList())
                        .setHeight(b.getHeight())
                        .setHash(b.getBlockHash())
                        .setTime(ts(b.getTimeUnixNanos()))
                        .setProposerAddress(b.getProposerAddress()))
                .build();
    }

    private static Timestamp ts(long nanos) {
        return Timestamp.newBuilder()
                .setSeconds(Math.floorDiv(nanos, 1_000_000_000L))
                .setNanos((int) Math.floorMod(nanos, 1_000_000_000L))
                .build();
    }

    // ------------------------------------------------------------------ mempool

    /**
     * Runs CheckTx and, when accepted, puts the transaction in the mempool. Throws INVALID_ARGUMENT for a
     * transaction already in the mempool or the chain, UNAVAILABLE when the mempool is full.
     */
    public CompletableFuture<ResponseCheckTx> checkTx(byte[] tx) {
        if (closed) {
            throw new LedgerException(Kind.UNAVAILABLE, "node is shutting down");
        }
        String hash = Hex.upper(Transaction.sha256(tx));
        if (tx.length == 0) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "tx is empty");
        }
        if (tx.length > config.maxBlockBytes()) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "tx too large: " + tx.length + " bytes");
        }
        lock.lock();
        try {
            synchronized (mempool) {
                if (mempool.containsKey(hash) || chain.find(hash) != null) {
                    throw new LedgerException(Kind.INVALID_ARGUMENT, "tx already exists in cache");
                }
                if (mempool.size() >= config.mempoolSize()) {
                    throw new LedgerException(Kind.UNAVAILABLE, "mempool is full: " + mempool.size() + " txs");
                }
            }
            CompletableFuture<Response> f = mempoolConn.sendAsync(Request.newBuilder()
                    .setCheckTx(RequestCheckTx.newBuilder()
                            .setTx(ByteString.copyFrom(tx))
                            .setType(CheckTxType.NEW))
                    .build());
            // attached before the flush, so the mempool entry is in place before the producer can reap
            CompletableFuture<ResponseCheckTx> result = f.thenApply(r -> {
                if (r.hasException()) {
                    throw new LedgerException(Kind.PROTOCOL, r.getException().getError());
                }
                boolean accepted = r.getCheckTx().getCode() == 0;
                if (accepted) {
                    synchronized (mempool) {
                        mempool.putIfAbsent(hash, tx);
                    }
                }
                metrics.checked(accepted);
                return r.getCheckTx();
            });
            mempoolConn.flush();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Completes when the transaction is committed (the caller applies its own timeout). */
    public CompletableFuture<Committed> awaitCommit(String upperHexHash) {
        CompletableFuture<Committed> f = new CompletableFuture<>();
        waiters.computeIfAbsent(upperHexHash, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(f);
        ChainStore.TxLocation loc = chain.find(upperHexHash); // already committed?
        if (loc != null) {
            StoredBlock b = chain.block(loc.height());
            f.complete(new Committed(
                    loc.height(),
                    loc.index(),
                    b.getTxs(loc.index()).toByteArray(),
                    b.getResults().getTxResults(loc.index())));
            waiters.remove(upperHexHash);
        }
        return f;
    }

    public void forgetWaiter(String hash, CompletableFuture<Committed> f) {
        List<CompletableFuture<Committed>> l = waiters.get(hash);
        if (l != null) {
            l.remove(f);
            if (l.isEmpty()) {
                waiters.remove(hash, l);
            }
        }
    }

    // ------------------------------------------------------------------ blocks

    private void produceSafely() {
        if (closed) {
            return;
        }
        try {
            produceBlock();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "block production failed; stopping the producer", e);
            closed = true;
            producer.shutdown();
            failed.completeExceptionally(e);
        }
    }

    /** Produces one block now (tests call this directly with a long interval). */
    public StoredBlock produceBlock() {
        StoredBlock block;
        lock.lock();
        try {
            AbciClient.await(mempoolConn.flush(), 60); // every CheckTx answered and in the mempool
            List<ByteString> txs = new ArrayList<>();
            long bytes = 0;
            synchronized (mempool) {
                for (byte[] t : mempool.values()) {
                    if (txs.size() >= config.maxBlockTxs() || bytes + t.length > config.maxBlockBytes()) {
                        break;
                    }
                    txs.add(ByteString.copyFrom(t));
                    bytes += t.length;
                }
            }
            StoredBlock prev = chain.latest();
            long height = chain.height() + 1;
            Instant clock = Instant.now();
            long now = clock.getEpochSecond() * 1_000_000_000L + clock.getNano();
            long time = prev == null ? now : Math.max(now, prev.getTimeUnixNanos() + 1);
            Response prep = consensus.call(Request.newBuilder()
                    .setPrepareProposal(RequestPrepareProposal.newBuilder()
                            .setMaxTxBytes(config.maxBlockBytes())
                            .addAllTxs(txs)
                            .setHeight(height)
                            .setTime(ts(time))
                            .setProposerAddress(ByteString.copyFrom(identity.address())))
                    .build());
            List<ByteString> proposal = prep.getPrepareProposal().getTxsList();
            StoredBlock.Builder b = StoredBlock.newBuilder()
                    .setHeight(height)
                    .setTimeUnixNanos(time)
                    .addAllTxs(proposal)
                    .setAppHash(ByteString.copyFrom(lastAppHash))
                    .setProposerAddress(ByteString.copyFrom(identity.address()));
            List<byte[]> txHashes = new ArrayList<>();
            proposal.forEach(t -> txHashes.add(Transaction.sha256(t.toByteArray())));
            b.setDataHash(ByteString.copyFrom(Merkle.root(txHashes)));
            if (prev != null) {
                b.setLastBlockHash(prev.getBlockHash()).setLastPartsHash(prev.getPartsHash());
                List<byte[]> results = new ArrayList<>();
                for (ExecTxResult r : prev.getResults().getTxResultsList()) {
                    results.add(ExecTxResult.newBuilder()
                            .setCode(r.getCode())
                            .setData(r.getData())
                            .setGasWanted(r.getGasWanted())
                            .setGasUsed(r.getGasUsed())
                            .build()
                            .toByteArray());
                }
                b.setLastResultsHash(ByteString.copyFrom(Merkle.root(results)));
                byte[] sig = sign(concat(
                        ByteBuffer.allocate(8).putLong(prev.getHeight()).array(),
                        prev.getBlockHash().toByteArray()));
                b.setLastCommitSignature(ByteString.copyFrom(sig)).setLastCommitTimeUnixNanos(time);
                b.setLastCommitHash(ByteString.copyFrom(Merkle.root(List.of(sig))));
            } else {
                b.setLastResultsHash(ByteString.copyFrom(Merkle.root(List.of())))
                        .setLastCommitHash(ByteString.copyFrom(Merkle.root(List.of())));
            }
            byte[] blockHash = Merkle.root(List.of(
                    ByteBuffer.allocate(8).putLong(height).array(),
                    ByteBuffer.allocate(8).putLong(time).array(),
                    identity.chainId().getBytes(),
                    b.getLastBlockHash().toByteArray(),
                    b.getLastCommitHash().toByteArray(),
                    b.getDataHash().toByteArray(),
                    identity.validatorsHash(),
                    identity.consensusHash(),
                    lastAppHash,
                    b.getLastResultsHash().toByteArray(),
                    identity.address()));
            b.setBlockHash(ByteString.copyFrom(blockHash))
                    .setPartsHash(ByteString.copyFrom(Merkle.root(List.of(blockHash, "parts".getBytes()))));
            Response pp = consensus.call(Request.newBuilder()
                    .setProcessProposal(RequestProcessProposal.newBuilder()
                            .addAllTxs(proposal)
                            .setHeight(height)
                            .setTime(ts(time))
                            .setHash(b.getBlockHash())
                            .setProposerAddress(b.getProposerAddress()))
                    .build());
            if (pp.getProcessProposal().getStatus() != ResponseProcessProposal.ProposalStatus.ACCEPT) {
                throw new LedgerException(Kind.PROTOCOL, "application rejected its own proposal at " + height);
            }
            StoredBlock partial = b.build();
            ResponseFinalizeBlock fin = consensus.call(finalizeRequest(partial)).getFinalizeBlock();
            block = partial.toBuilder().setResults(fin).build();
            chain.append(block); // durable before the app commits: a crash here is replayed at the handshake
            consensus.call(Request.newBuilder()
                    .setCommit(RequestCommit.getDefaultInstance())
                    .build());
            lastAppHash = fin.getAppHash().toByteArray();
            metrics.committed(height, fin.getTxResultsCount(), (int) fin.getTxResultsList().stream()
                    .filter(r -> r.getCode() != 0)
                    .count());
            recheck(proposal);
        } finally {
            lock.unlock();
        }
        publish(block);
        return block;
    }

    /** Drops committed transactions and re-checks the rest against the new state, like CometBFT's recheck. */
    private void recheck(List<ByteString> included) {
        List<Map.Entry<String, byte[]>> rest;
        synchronized (mempool) {
            for (ByteString t : included) {
                mempool.remove(Hex.upper(Transaction.sha256(t.toByteArray())));
            }
            rest = new ArrayList<>(mempool.entrySet());
        }
        if (rest.isEmpty()) {
            return;
        }
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : rest) {
            answers.add(mempoolConn.sendAsync(Request.newBuilder()
                    .setCheckTx(RequestCheckTx.newBuilder()
                            .setTx(ByteString.copyFrom(e.getValue()))
                            .setType(CheckTxType.RECHECK))
                    .build()));
        }
        AbciClient.await(mempoolConn.flush(), 60);
        synchronized (mempool) {
            for (int i = 0; i < rest.size(); i++) {
                Response r = AbciClient.await(answers.get(i), 60);
                if (r.hasException() || r.getCheckTx().getCode() != 0) {
                    mempool.remove(rest.get(i).getKey());
                }
            }
        }
    }

    private void publish(StoredBlock block) {
        ObjectNode newBlock = RpcJson.JSON.createObjectNode();
        newBlock.set("block", RpcJson.block(block, identity));
        newBlock.set("block_id", RpcJson.blockId(block.getBlockHash(), block.getPartsHash()));
        ObjectNode rfb = newBlock.putObject("result_finalize_block");
        if (block.getResults().getEventsCount() > 0) {
            rfb.set("events", RpcJson.events(block.getResults().getEventsList()));
        }
        if (block.getResults().getTxResultsCount() > 0) {
            var arr = rfb.putArray("tx_results");
            block.getResults().getTxResultsList().forEach(r -> arr.add(RpcJson.txResultOmitEmpty(r)));
        }
        rfb.putArray("validator_updates");
        RpcJson.bytes(rfb, "app_hash", block.getResults().getAppHash());
        Map<String, List<String>> blockEvents = new LinkedHashMap<>();
        for (var e : block.getResults().getEventsList()) {
            for (var a : e.getAttributesList()) {
                blockEvents
                        .computeIfAbsent(e.getType() + "." + a.getKey(), k -> new ArrayList<>())
                        .add(a.getValue());
            }
        }
        blockEvents.put("tm.event", List.of("NewBlock"));
        bus.publish(blockEvents, () -> envelope("tendermint/event/NewBlock", newBlock));
        for (int i = 0; i < block.getTxsCount(); i++) {
            byte[] tx = block.getTxs(i).toByteArray();
            ExecTxResult r = block.getResults().getTxResults(i);
            int index = i;
            bus.publish(RpcJson.txEvents(r, tx, block.getHeight(), false), () -> {
                ObjectNode v = RpcJson.JSON.createObjectNode();
                ObjectNode txr = v.putObject("TxResult");
                txr.put("height", Long.toString(block.getHeight()));
                if (index != 0) {
                    txr.put("index", index);
                }
                txr.put("tx", java.util.Base64.getEncoder().encodeToString(tx));
                txr.set("result", RpcJson.txResultOmitEmpty(r));
                return envelope("tendermint/event/Tx", v);
            });
            List<CompletableFuture<Committed>> ws = waiters.remove(Hex.upper(Transaction.sha256(tx)));
            if (ws != null) {
                Committed c = new Committed(block.getHeight(), i, tx, r);
                ws.forEach(f -> f.complete(c));
            }
        }
    }

    private static ObjectNode envelope(String type, ObjectNode value) {
        ObjectNode d = RpcJson.JSON.createObjectNode();
        d.put("type", type);
        d.set("value", value);
        return d;
    }

    // ------------------------------------------------------------------ keys

    private static PrivateKey loadOrCreateKey(Path file) {
        try {
            if (!Files.exists(file)) {
                java.security.KeyPair kp =
                        KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, kp.getPrivate().getEncoded());
                try {
                    Files.setPosixFilePermissions(
                            tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.write(
                        file.resolveSibling("validator_key.pub"), kp.getPublic().getEncoded());
            }
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new LedgerException(Kind.STORAGE, "cannot load the validator key " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] publicKey(Path privateFile) {
        try {
            byte[] x509 = Files.readAllBytes(privateFile.resolveSibling("validator_key.pub"));
            return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        } catch (IOException e) {
            throw new LedgerException(Kind.STORAGE, "cannot read validator_key.pub: " + e.getMessage(), e);
        }
    }

    private byte[] sign(byte[] msg) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(validatorKey);
            s.update(msg);
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The validator's commit signature for a block (Ed25519 over height ‖ block hash; deterministic). */
    public byte[] commitSignature(StoredBlock b) {
        return sign(concat(
                ByteBuffer.allocate(8).putLong(b.getHeight()).array(),
                b.getBlockHash().toByteArray()));
    }

    public long maxBlockBytes() {
        return config.maxBlockBytes();
    }

    /** Completes exceptionally if block production stops on an error (the app died, storage failed). */
    public CompletableFuture<Void> failure() {
        return failed;
    }

    public byte[] lastAppHash() {
        return lastAppHash.clone();
    }

    private void closeConnections() {
        consensus.close();
        mempoolConn.close();
        query.close();
    }

    @Override
    public void close() {
        closed = true;
        producer.shutdown();
        try {
            producer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiters.values()
                .forEach(l ->
                        l.forEach(f -> f.completeExceptionally(new LedgerException(Kind.UNAVAILABLE, "node stopped"))));
        closeConnections();
        chain.close();
    }
}
