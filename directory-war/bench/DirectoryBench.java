import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.directory.api.Signing;

/**
 * Load-benchmark helper (not a test), run by bench/run with directory-api and Bouncy Castle on the class path:
 *
 * <pre>
 *   register KEYS N BASE...      create N mix node identities in KEYS (or reuse those of an earlier run when KEYS
 *                                holds N) and register each (one signed presence), spread over the BASE URLs
 *   presign KEYS COUNT T0 OUT PART PARTS
 *                                write COUNT signed heartbeats of the nodes i with i % PARTS == PART (one wrk per
 *                                instance) to OUT, one per line "timestamp TAB signature TAB body"; a node's k-th
 *                                heartbeat carries timestamp T0 + k, so every node's timestamps increase
 * </pre>
 */
public class DirectoryBench {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "register" -> register(Path.of(args[1]), Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
      case "presign" -> presign(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), Path.of(args[4]),
          Integer.parseInt(args[5]), Integer.parseInt(args[6]));
      default -> throw new IllegalArgumentException("register | presign");
    }
  }

  /** The authorities the directory pins (the network tree's file, NYM_NETWORK_HOME): one proof each per key. */
  static final List<String> AUTHORITIES = authorities();
  /** The directory's epoch length (BENCH_EPOCH_SECONDS, default 3600 as without a tree). */
  static final long EPOCH_MILLIS = Long.parseLong(System.getenv().getOrDefault("BENCH_EPOCH_SECONDS", "3600")) * 1000;

  static String body(Ed25519Identity id, int i) {
    // Sphinx keys for the current epoch and the next two, as nodes announce them, each derived from the index and the
    // epoch (unique per node and epoch); the directory checks the keys' and proofs' form only, so the tags are fixed.
    long current = System.currentTimeMillis() / EPOCH_MILLIS;
    StringBuilder keys = new StringBuilder();
    for (long epoch = current; epoch <= current + 2; epoch++) {
      byte[] sphinx = new byte[32];
      sphinx[0] = (byte) i;
      sphinx[1] = (byte) (i >> 8);
      sphinx[2] = (byte) (i >> 16);
      sphinx[3] = (byte) epoch;
      sphinx[4] = (byte) (epoch >> 8);
      StringBuilder proofs = new StringBuilder();
      for (String authority : AUTHORITIES) {
        proofs.append(proofs.length() == 0 ? "" : ",").append('"').append(authority).append("\":\"").append(Keys.encode(new byte[16])).append('"');
      }
      keys.append(epoch == current ? "" : ",").append("{\"epoch\":").append(epoch).append(",\"key\":\"")
          .append(Keys.encode(sphinx)).append("\",\"proofs\":{").append(proofs).append("}}");
    }
    return "{\"host\":\"10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255) + ":1789\",\"identityKey\":\""
        + id.publicKeyText() + "\",\"sphinxKeys\":[" + keys + "],\"version\":\"0.1.0\",\"location\":\"bench\"}";
  }

  static List<String> authorities() {
    String home = System.getenv("NYM_NETWORK_HOME");
    if (home == null) {
      return List.of();
    }
    try {
      return nym.directory.api.AuthoritySet.load(Path.of(home).resolve(nym.directory.api.AuthoritySet.TREE_FILE)).keys();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void register(Path keys, int n, List<String> bases) throws Exception {
    List<Ed25519Identity> ids = new ArrayList<>();
    // The addresses are a function of the index, and the directory binds an address to its first key: a second run
    // against the same directory must present the same keys, so an existing KEYS file of N identities is reused.
    List<String> existing = Files.exists(keys) ? Files.readAllLines(keys) : List.of();
    if (existing.size() == n) {
      for (String line : existing) {
        ids.add(Ed25519Identity.fromSecret(Base64.getUrlDecoder().decode(line)));
      }
      System.out.println("reusing the " + n + " identities of " + keys);
    } else {
      SecureRandom random = new SecureRandom();
      try (BufferedWriter out = Files.newBufferedWriter(keys)) {
        for (int i = 0; i < n; i++) {
          Ed25519Identity id = Ed25519Identity.generate(random);
          ids.add(id);
          out.write(Base64.getUrlEncoder().withoutPadding().encodeToString(id.secretKey()));
          out.newLine();
        }
      }
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Semaphore inFlight = new Semaphore(32);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      byte[] body = body(ids.get(i), i).getBytes(StandardCharsets.UTF_8);
      long ts = System.currentTimeMillis();
      HttpRequest request = HttpRequest.newBuilder(URI.create(bases.get(i % bases.size()) + "/api/presence/mixnodes"))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .header(Signing.TIMESTAMP_HEADER, Long.toString(ts))
          .header(Signing.SIGNATURE_HEADER, Signing.signRequest(ids.get(i), "/api/presence/mixnodes", ts, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      inFlight.acquire();
      all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
        inFlight.release();
        if (e == null && r.statusCode() == 204) {
          ok.incrementAndGet();
        } else if (failed.incrementAndGet() <= 5) {
          System.err.println("register failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
        }
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    System.out.printf("registered %d of %d mix nodes in %.1f s (%d failed)%n", ok.get(), n,
        (System.nanoTime() - start) / 1e9, failed.get());
  }

  static void presign(Path keys, int count, long t0, Path out, int part, int parts) throws Exception {
    List<Ed25519Identity> ids = new ArrayList<>();
    List<String> bodyList = new ArrayList<>();
    List<String> lines = Files.readAllLines(keys);
    for (int i = 0; i < lines.size(); i++) {
      if (i % parts == part) {
        Ed25519Identity id = Ed25519Identity.fromSecret(Base64.getUrlDecoder().decode(lines.get(i)));
        ids.add(id);
        bodyList.add(body(id, i));
      }
    }
    int n = ids.size();
    String[] bodies = bodyList.toArray(String[]::new);
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (int j = 0; j < count; j++) {
        int i = j % n;
        long ts = t0 + j / n;
        byte[] body = bodies[i].getBytes(StandardCharsets.UTF_8);
        w.write(ts + "\t" + Signing.signRequest(ids.get(i), "/api/presence/mixnodes", ts, body) + "\t" + bodies[i]);
        w.newLine();
      }
    }
  }
}
