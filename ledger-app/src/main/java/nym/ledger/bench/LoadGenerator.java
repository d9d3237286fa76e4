package nym.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import nym.ledger.Hex;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;

/**
 * Load generator for {@code broadcast_tx_sync} against one CometBFT node, for the ledger (signed transfers from the
 * funded development accounts, each account's nonces in order) or for CometBFT's kvstore (unique {@code key=value}
 * txs padded to the size of a signed transfer, the baseline). All txs are built before the clock starts.
 *
 * <p>Committed is measured by reading the chain, not by trusting the answers: a watcher fetches every new block and,
 * for blocks with txs, its {@code block_results}; a tx counts as committed when the results of its block are there
 * (executed), and its commit latency is that moment minus the moment {@code broadcast_tx_sync} accepted it. A full
 * mempool ("mempool is full") is back-pressure, not a failure: the same tx is sent again after a pause (a later
 * nonce of the account would be refused while an earlier one is missing). At most {@code maxPending} txs are sent and
 * not yet committed, below CometBFT's mempool size (5000 by default): a tx that finds the mempool full only after its
 * CheckTx passed is dropped by CometBFT although broadcast_tx_sync answered code 0, and would stall the run and, for
 * the ledger, leave a nonce gap. A tx accepted but never committed is reported as lost once the node's mempool is
 * empty and the watcher has passed the height at which it was.
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WATCH_POLL = Duration.ofMillis(20);
    private static final Duration MEMPOOL_FULL_PAUSE = Duration.ofMillis(20);

    public enum App {
        NYM,
        KVSTORE
    }

    public record Settings(
            URI rpc,
            App app,
            String chainId,
            int accounts,
            int firstAccount,
            int txs,
            int concurrency,
            int maxPending,
            Duration commitWait) {}

    /**
     * @param committed txs of this run found in blocks whose results are stored
     * @param failedInBlock of those, the ones the app refused in FinalizeBlock (code ≠ 0)
     * @param latencyMillis commit latency of every committed tx, sorted
     * @param loaderCpuSeconds CPU this process used from the first send to the last commit (it shares the cores)
     */
    public record Result(
            App app,
            int sent,
            long accepted,
            long refused,
            long errors,
            long mempoolFullRetries,
            long committed,
            long failedInBlock,
            double sendSeconds,
            double committedSeconds,
            long blocks,
            long maxBlockTxs,
            double[] latencyMillis,
            double loaderCpuSeconds) {

        public double acceptedPerSecond() {
            return accepted / sendSeconds;
        }

        /** Committed txs over the time from the first send to the last commit. */
        public double committedPerSecond() {
            return committed / committedSeconds;
        }

        public double latencyPercentile(double p) {
            if (latencyMillis.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * latencyMillis.length) - 1;
            return latencyMillis[Math.max(0, Math.min(i, latencyMillis.length - 1))];
        }

        /** Accepted by broadcast_tx_sync but never committed. */
        public long lost() {
            return accepted - committed;
        }

        public boolean clean() {
            return errors == 0 && refused == 0 && failedInBlock == 0 && committed == sent;
        }
    }

    private final Settings s;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public LoadGenerator(Settings s) {
        this.s = s;
    }

    public Result run(PrintStream log) throws Exception {
        List<List<byte[]>> streams = s.app() == App.NYM ? signedTransfers(log) : kvstoreTxs(log);
        int total = streams.stream().mapToInt(List::size).sum();
        // tx hash → when it was accepted (or, until the answer arrives, when it was sent); removed once committed
        Map<String, Long> inFlight = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong mempoolFull = new AtomicLong();
        Semaphore pending = new Semaphore(s.maxPending());
        long fromHeight = latestHeight() + 1;
        log.printf(
                "sending %d txs over %d connections, watching blocks from height %d...%n",
                total, s.concurrency(), fromHeight);

        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        BlockWatcher watcher = new BlockWatcher(fromHeight, inFlight, pending, start);
        Thread watching = new Thread(watcher, "block-watcher");
        watching.start();
        ExecutorService pool = Executors.newFixedThreadPool(s.concurrency());
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < s.concurrency(); w++) {
            int worker = w;
            fs.add(pool.submit(() -> {
                for (int k = worker; k < streams.size(); k += s.concurrency()) {
                    for (byte[] tx : streams.get(k)) {
                        pending.acquire();
                        if (!send(tx, inFlight, accepted, refused, errors, mempoolFull)) {
                            pending.release();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        log.printf(
                "sent %d in %.2f s: %d accepted, %d refused, %d errors, %d mempool-full retries -> %.0f accepted tx/s%n",
                total,
                sendSeconds,
                accepted.get(),
                refused.get(),
                errors.get(),
                mempoolFull.get(),
                accepted.get() / sendSeconds);

        watcher.awaitCommitted(accepted.get(), s.commitWait());
        double loaderCpu = (processCpuNanos() - cpuStart) / 1e9;
        watching.interrupt();
        watching.join();
        double committedSeconds = (watcher.lastCommitNanos() - start) / 1e9;
        double[] latencies = watcher.latencies();
        Arrays.sort(latencies);
        return new Result(
                s.app(),
                total,
                accepted.get(),
                refused.get(),
                errors.get(),
                mempoolFull.get(),
                watcher.committed(),
                watcher.failedInBlock(),
                sendSeconds,
                committedSeconds,
                watcher.blocksWithTxs(),
                watcher.maxBlockTxs(),
                latencies,
                loaderCpu);
    }

    /** Sends until accepted, refused or failed; true when accepted (the watcher then releases its pending permit). */
    private boolean send(
            byte[] tx,
            Map<String, Long> inFlight,
            AtomicLong accepted,
            AtomicLong refused,
            AtomicLong errors,
            AtomicLong mempoolFull)
            throws InterruptedException {
        String hash = HexFormat.of().withUpperCase().formatHex(Transaction.sha256(tx));
        String params = "{\"tx\":\"" + Base64.getEncoder().encodeToString(tx) + "\"}";
        while (true) {
            inFlight.put(hash, System.nanoTime());
            JsonNode r;
            try {
                r = call("broadcast_tx_sync", params);
            } catch (IOException e) {
                inFlight.remove(hash);
                errors.incrementAndGet();
                return false;
            }
            if (r.has("error")) {
                inFlight.remove(hash);
                if (r.get("error").toString().contains("mempool is full")) {
                    mempoolFull.incrementAndGet();
                    Thread.sleep(MEMPOOL_FULL_PAUSE.toMillis());
                    continue;
                }
                errors.incrementAndGet();
                return false;
            }
            if (r.get("result").get("code").asInt() == 0) {
                // if the watcher already saw it committed, the entry is gone and stays gone
                inFlight.computeIfPresent(hash, (h, sentAt) -> System.nanoTime());
                accepted.incrementAndGet();
                return true;
            }
            inFlight.remove(hash);
            refused.incrementAndGet();
            return false;
        }
    }

    /** One stream per account: its transfers in nonce order, to a sink account. */
    private List<List<byte[]>> signedTransfers(PrintStream log) throws IOException, InterruptedException {
        TxBuilder builder = new TxBuilder(s.chainId());
        KeyPair sink = KeyPair.fromSeed("bench-sink");
        int perAccount = (s.txs() + s.accounts() - 1) / s.accounts();
        long[] nonces = new long[s.accounts()];
        for (int a = 0; a < s.accounts(); a++) {
            nonces[a] = nonce(GenesisDoc.devAccount(s.firstAccount() + a));
        }
        long t0 = System.nanoTime();
        List<List<byte[]>> byAccount = IntStream.range(0, s.accounts())
                .parallel()
                .mapToObj(a -> {
                    KeyPair k = GenesisDoc.devAccount(s.firstAccount() + a);
                    List<byte[]> l = new ArrayList<>(perAccount);
                    for (int i = 0; i < perAccount; i++) {
                        l.add(builder.transfer(k, nonces[a] + i, sink.address(), 1));
                    }
                    return l;
                })
                .toList();
        log.printf(
                "signed %d transfers (%d per account, %d bytes each) in %.1f s%n",
                perAccount * s.accounts(), perAccount, byAccount.get(0).get(0).length, (System.nanoTime() - t0) / 1e9);
        return byAccount;
    }

    /**
     * One stream per connection of unique {@code key=value} txs, padded to the length of a signed transfer so both
     * apps move the same bytes through CometBFT.
     */
    private List<List<byte[]>> kvstoreTxs(PrintStream log) {
        int size = new TxBuilder(s.chainId())
                .transfer(
                        GenesisDoc.devAccount(0),
                        0,
                        KeyPair.fromSeed("bench-sink").address(),
                        1)
                .length;
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<List<byte[]>> streams = new ArrayList<>();
        for (int w = 0; w < s.concurrency(); w++) {
            streams.add(new ArrayList<>());
        }
        for (int i = 0; i < s.txs(); i++) {
            String kv = "bench-" + run + "-" + i + "=";
            String padded = kv + "v".repeat(Math.max(1, size - kv.length()));
            streams.get(i % s.concurrency()).add(padded.getBytes(StandardCharsets.US_ASCII));
        }
        log.printf("built %d kvstore txs (%d bytes each)%n", s.txs(), size);
        return streams;
    }

    /**
     * Follows the chain block by block from a height: for each block the tx hashes, then (blocks with txs only)
     * the stored results; marks this run's txs committed at the moment the results are readable.
     */
    private final class BlockWatcher implements Runnable {
        private final Map<String, Long> inFlight;
        private final Semaphore pending;
        private final long startNanos;
        private volatile long height;
        private final List<Double> latencies = new ArrayList<>();
        private volatile long committed;
        private volatile long failedInBlock;
        private volatile long lastCommitNanos;
        private long blocksWithTxs;
        private long maxBlockTxs;
        private volatile Exception failure;

        BlockWatcher(long fromHeight, Map<String, Long> inFlight, Semaphore pending, long startNanos) {
            this.height = fromHeight;
            this.inFlight = inFlight;
            this.pending = pending;
            this.startNanos = startNanos;
            this.lastCommitNanos = startNanos;
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    JsonNode txs = awaitResult("block").get("block").get("data").get("txs");
                    if (txs != null && txs.size() > 0) {
                        JsonNode results = awaitResult("block_results").get("txs_results");
                        long now = System.nanoTime();
                        record(txs, results, now);
                    }
                    height++;
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
        }

        private synchronized void record(JsonNode txs, JsonNode results, long now) {
            blocksWithTxs++;
            maxBlockTxs = Math.max(maxBlockTxs, txs.size());
            long ours = 0;
            for (int i = 0; i < txs.size(); i++) {
                byte[] tx = Base64.getDecoder().decode(txs.get(i).asText());
                Long since = inFlight.remove(HexFormat.of().withUpperCase().formatHex(Transaction.sha256(tx)));
                if (since == null) {
                    continue;
                }
                ours++;
                pending.release();
                latencies.add((now - since) / 1e6);
                if (results.get(i).path("code").asInt(0) != 0) {
                    failedInBlock++;
                }
            }
            if (ours > 0) {
                committed += ours;
                lastCommitNanos = now;
            }
        }

        private JsonNode awaitResult(String method) throws IOException, InterruptedException {
            String params = "{\"height\":\"" + height + "\"}";
            while (true) {
                JsonNode r = call(method, params);
                if (!r.has("error")) {
                    return r.get("result");
                }
                Thread.sleep(WATCH_POLL.toMillis());
            }
        }

        /** Until every accepted tx is committed, or the rest is lost (mempool empty, its height watched). */
        void awaitCommitted(long expected, Duration wait) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            long drainedAt = Long.MAX_VALUE; // a height at which the node's mempool was seen empty
            long nextMempoolCheck = System.nanoTime();
            while (committed < expected) {
                if (System.nanoTime() >= nextMempoolCheck) {
                    nextMempoolCheck = System.nanoTime() + 500_000_000L;
                    if (mempoolSize() > 0) {
                        drainedAt = Long.MAX_VALUE;
                    } else if (drainedAt == Long.MAX_VALUE) {
                        drainedAt = latestHeight();
                    } else if (height > drainedAt) {
                        return;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            committed + " of " + expected + " accepted txs committed within " + wait);
                }
                Thread.sleep(WATCH_POLL.toMillis());
            }
        }

        long committed() {
            return committed;
        }

        long failedInBlock() {
            return failedInBlock;
        }

        long lastCommitNanos() {
            return Math.max(lastCommitNanos, startNanos + 1);
        }

        synchronized long blocksWithTxs() {
            return blocksWithTxs;
        }

        synchronized long maxBlockTxs() {
            return maxBlockTxs;
        }

        synchronized double[] latencies() {
            return latencies.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long mempoolSize() throws IOException, InterruptedException {
        return call("num_unconfirmed_txs", "{}").get("result").get("total").asLong();
    }

    private long latestHeight() throws IOException, InterruptedException {
        return call("status", "{}")
                .get("result")
                .get("sync_info")
                .get("latest_block_height")
                .asLong();
    }

    private long nonce(KeyPair k) throws IOException, InterruptedException {
        JsonNode r = call("abci_query", "{\"path\":\"/account\",\"data\":\"" + Hex.lower(k.address()) + "\"}");
        JsonNode v = r.get("result").get("response").get("value");
        if (v == null || v.isNull()) {
            throw new IllegalStateException("cannot read account " + Hex.prefixed(k.address()) + ": " + r);
        }
        return JSON.readTree(Base64.getDecoder().decode(v.asText()))
                .get("nonce")
                .asLong();
    }

    private JsonNode call(String method, String params) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(s.rpc())
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
