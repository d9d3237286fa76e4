package nym.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import nym.ledger.Hex;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;

/**
 * Load generator for {@code broadcast_tx_sync}: pre-signs transfers from the devnet's funded development
 * accounts (each account's nonces in order, one sender thread per account group), sends them over keep-alive
 * HTTP/1.1 JSON-RPC, then waits until the last transaction of every account is committed.
 * Reports accepted tx/s (CheckTx answered code 0) and committed tx/s (first send to last commit).
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Settings(
            URI rpc, String chainId, int accounts, int firstAccount, int txs, int concurrency, Duration commitWait) {}

    public record Result(
            int sent,
            long accepted,
            long refused,
            long errors,
            double sendSeconds,
            double acceptedPerSecond,
            double committedSeconds,
            double committedPerSecond) {}

    private final Settings s;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public LoadGenerator(Settings s) {
        this.s = s;
    }

    public Result run(PrintStream log) throws Exception {
        TxBuilder builder = new TxBuilder(s.chainId());
        KeyPair sink = KeyPair.fromSeed("bench-sink");
        int perAccount = (s.txs() + s.accounts() - 1) / s.accounts();
        log.printf("reading nonces of %d accounts...%n", s.accounts());
        long[] nonces = new long[s.accounts()];
        for (int a = 0; a < s.accounts(); a++) {
            nonces[a] = nonce(GenesisDoc.devAccount(s.firstAccount() + a));
        }
        log.printf("signing %d transfers (%d per account)...%n", perAccount * s.accounts(), perAccount);
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
                "signed in %.1f s; sending with %d connections...%n", (System.nanoTime() - t0) / 1e9, s.concurrency());

        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(s.concurrency());
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < s.concurrency(); w++) {
            int worker = w;
            fs.add(pool.submit(() -> {
                for (int a = worker; a < s.accounts(); a += s.concurrency()) {
                    for (byte[] tx : byAccount.get(a)) {
                        try {
                            JsonNode r = call(
                                    "broadcast_tx_sync",
                                    "{\"tx\":\"" + Base64.getEncoder().encodeToString(tx) + "\"}");
                            if (r.has("error")) {
                                errors.incrementAndGet();
                            } else if (r.get("result").get("code").asInt() == 0) {
                                accepted.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
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
                "sent %d in %.2f s: %d accepted, %d refused, %d errors -> %.0f accepted tx/s%n",
                perAccount * s.accounts(),
                sendSeconds,
                accepted.get(),
                refused.get(),
                errors.get(),
                accepted.get() / sendSeconds);

        // committed: wait for each account's last transaction
        long deadline = System.nanoTime() + s.commitWait().toNanos();
        for (List<byte[]> l : byAccount) {
            String hash = Hex.lower(Transaction.sha256(l.get(l.size() - 1)));
            while (true) {
                JsonNode r = call("tx", "{\"hash\":\"" + Base64.getEncoder().encodeToString(Hex.parse(hash)) + "\"}");
                if (!r.has("error")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("transactions not committed within " + s.commitWait());
                }
                Thread.sleep(50);
            }
        }
        double committedSeconds = (System.nanoTime() - start) / 1e9;
        log.printf(
                "all committed after %.2f s -> %.0f committed tx/s sustained%n",
                committedSeconds, accepted.get() / committedSeconds);
        return new Result(
                perAccount * s.accounts(),
                accepted.get(),
                refused.get(),
                errors.get(),
                sendSeconds,
                accepted.get() / sendSeconds,
                committedSeconds,
                accepted.get() / committedSeconds);
    }

    /**
     * The baseline measured in the same run: the same HTTP/JSON-RPC path with {@code health} (no CheckTx, no
     * signature), i.e. the RPC ceiling on this machine.
     */
    public double baseline(int requests, PrintStream log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(s.concurrency());
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        int each = Math.max(1, requests / s.concurrency());
        for (int w = 0; w < s.concurrency(); w++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        if (call("health", "{}").has("error")) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = each * s.concurrency() / secs;
        log.printf(
                "baseline: %d health calls in %.2f s -> %.0f req/s (%d errors)%n",
                each * s.concurrency(), secs, rate, errors.get());
        return rate;
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
