package nym.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import nym.client.credential.CredentialConfig;
import nym.client.credential.CredentialFlow;
import nym.client.credential.Wallet;
import nym.credential.CompletedKeyEpoch;
import nym.ledger.tx.Secp256k1;

/**
 * The EAR on the 3-instance deployment group (instance i = authority i, keys from the test network tree that
 * integration-tests/bin/run wrote, {@code NYM_NETWORK_HOME}) against 4 CometBFT validators of that tree's genesis,
 * which registers the authorities, and anvil with the token. Deployed once per test run, at the first {@link
 * #shared()}, and shared by every group test class (tagged {@code group}; failsafe runs them in a JVM of their own
 * after the DAS tests, pom.xml): a deploy with a new chain and a DKG costs about two minutes, the classes' own work
 * seconds. A class that perturbs the group (stops an instance, kills a validator) puts it back before it returns.
 * Instance i learns the validators' runtime ports through {@code nym.ledger.nodes} (validator i first), set while
 * they are stopped; the deploy starts them. {@link GroupSessionListener} closes it when the run ends: undeploys,
 * stops the group, the validators and anvil.
 */
final class AuthorityGroup implements AutoCloseable {

    final Path tree;
    /** 4 validators, as localnet runs them (DESIGN section 3). */
    static final int VALIDATORS = 4;
    /** Block confirmations the instances' watchers wait for on anvil. */
    static final int ETHEREUM_CONFIRMATIONS = 2;

    final LedgerChain ledger;
    final LocalEthereum ethereum;

    private static AuthorityGroup shared;
    /** The first deploy's failure: every later class fails with it at once instead of deploying again. */
    private static Throwable deployFailure;

    private AuthorityGroup(Path tree, LedgerChain ledger, LocalEthereum ethereum) {
        this.tree = tree;
        this.ledger = ledger;
        this.ethereum = ethereum;
    }

    /** The run's group, deployed at the first call. */
    static synchronized AuthorityGroup shared() throws Exception {
        if (deployFailure != null) {
            throw new IllegalStateException("the deployment group failed to deploy earlier in this run", deployFailure);
        }
        if (shared == null) {
            try {
                shared = deploy();
            } catch (Exception | Error e) {
                deployFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Closes the run's group if one was deployed (at the end of the run). */
    static synchronized void closeShared() throws Exception {
        if (shared != null) {
            try {
                shared.close();
            } finally {
                shared = null;
            }
        }
    }

    /** {@link LocalEthereum} first (the deploy starts the instances with its properties), then the group. */
    private static AuthorityGroup deploy() throws Exception {
        String home = System.getenv("NYM_NETWORK_HOME");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException(
                    "NYM_NETWORK_HOME is not a network tree: run through integration-tests/bin/run");
        }
        Path tree = Path.of(home);
        LocalEthereum ethereum = LocalEthereum.forGroup(ETHEREUM_CONFIRMATIONS);
        LedgerChain ledger = null;
        try {
            ledger = LedgerChain.ofTree(tree, VALIDATORS);
            PayaraScript.run("asadmin", "stop-deployment-group", group());
            forgetCursorsOfEarlierChains();
            for (int i = 1; i <= TestEnvironment.instances(); i++) {
                // authority i talks to validator i first and fails over to the others
                PayaraScript.run(
                        "asadmin",
                        "create-system-properties",
                        "--target",
                        instanceName(i),
                        "nym.ledger.nodes=" + ledger.nodeUrls(i - 1).replace(":", "\\:"));
            }
            // A snapshot of the EAR: other builds on this machine rewrite ear/target/nym.ear at any time.
            Path ear = Files.createTempDirectory("nym-it-ear").resolve("nym.ear");
            Files.copy(TestEnvironment.ear(), ear);
            PayaraScript.run("deploy", ear.toString());
            return new AuthorityGroup(tree, ledger, ethereum);
        } catch (Exception | Error e) {
            try {
                if (ledger != null) {
                    ledger.close();
                }
            } finally {
                ethereum.close();
            }
            throw e;
        }
    }

    /**
     * Starts the instances that are not running (one a test stopped) and waits until every instance answers, so the
     * next class finds the whole group.
     */
    static void restartStoppedInstances() throws Exception {
        PayaraScript.run("start");
    }

    /**
     * The DAS tests before the group ran chains of their own over the same database, so ledger cursors
     * (ledger_cursor) may name heights of another chain: cleared while the instances are stopped, as localnet empties
     * the authorities' database for a new chain.
     */
    private static void forgetCursorsOfEarlierChains() throws SQLException {
        try (Connection c = database();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM ledger_cursor");
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // undefined_table: the EAR has not migrated this database yet
                throw e;
            }
        }
    }

    /** A connection to the group's database ({@code NYM_DB_URL}, as integration-tests/bin/run sets it). */
    static Connection database() throws SQLException {
        String url = System.getenv("NYM_DB_URL");
        if (url == null) {
            throw new IllegalStateException("NYM_DB_URL is not set: run through integration-tests/bin/run");
        }
        return DriverManager.getConnection(
                url,
                System.getenv().getOrDefault("NYM_DB_USER", "postgres"),
                System.getenv().getOrDefault("NYM_DB_PASSWORD", ""));
    }

    private static String group() {
        return System.getenv().getOrDefault("NYM_GROUP", "nym");
    }

    static String instanceName(int i) {
        return System.getenv().getOrDefault("NYM_DOMAIN", "nym") + "-" + i;
    }

    static List<Integer> authorities() {
        return IntStream.rangeClosed(1, TestEnvironment.instances()).boxed().toList();
    }

    static URI issuer(int authority) {
        return TestEnvironment.instance(authority).resolve("/issuer/api/");
    }

    /**
     * A holder as nymclient runs one: client k of the tree (its account key), tokens of {@code value}, every instance's
     * issuer, spending at {@code provider}, paying on Ethereum when the group has it and {@code withEthereum}, its
     * wallet in {@code wallets}/client-k, each wait bounded by {@code wait}.
     */
    CredentialFlow holder(int client, int value, URI provider, boolean withEthereum, Path wallets, Duration wait)
            throws Exception {
        List<URI> issuers = IntStream.rangeClosed(1, TestEnvironment.instances())
                .mapToObj(TestEnvironment::instance)
                .toList();
        CredentialConfig config = new CredentialConfig(
                tree.resolve("clients/client-" + client + "/account.key"),
                value,
                ledger.rpc(),
                withEthereum && ethereum != null
                        ? Optional.of(new CredentialConfig.Ethereum(URI.create(ethereum.url()), ethereum.token))
                        : Optional.empty(),
                issuers,
                provider,
                new CredentialConfig.Timing(Duration.ofSeconds(30), Duration.ofMillis(250), wait, wait, wait));
        return new CredentialFlow(config, new Wallet(Files.createDirectories(wallets.resolve("client-" + client))));
    }

    /** A secp256k1 key of the tree, e.g. {@code clients/client-1/account.key}. */
    Secp256k1.KeyPair key(String relative) throws Exception {
        return Secp256k1.KeyPair.of(
                HexFormat.of().parseHex(Files.readString(tree.resolve(relative)).strip()));
    }

    String chainId() throws Exception {
        return ledger.call("status", LedgerChain.JSON.createObjectNode())
                .path("node_info")
                .path("network")
                .asText();
    }

    /** Commits a signed tx; its hash, as the ledger names requests and deposits (uppercase hex SHA-256). */
    String commit(byte[] tx) throws Exception {
        ledger.commit(tx);
        return hash(tx);
    }

    static String hash(byte[] tx) throws Exception {
        return HexFormat.of()
                .withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(tx));
    }

    /** The ledger's {@code /deposit} record. */
    JsonNode deposit(String depositId) throws Exception {
        JsonNode r = ledger.call(
                "abci_query",
                LedgerChain.JSON.createObjectNode().put("path", "/deposit").put("data", depositId));
        String value = r.path("response").path("value").asText("");
        if (value.isEmpty()) {
            throw new IllegalStateException("no deposit " + depositId + ": " + r);
        }
        return LedgerChain.JSON.readTree(Base64.getDecoder().decode(value));
    }

    /**
     * The latest completed key epoch on the ledger ({@code /dkg/completed}), waiting up to {@code wait} for the
     * authorities' first DKG to complete (about dkg_dealing_blocks + dkg_complaint_blocks after the group started
     * dealing); fails naming the key epoch and phase {@code /dkg} reports if none completes in time.
     */
    CompletedKeyEpoch awaitCompletedKeyEpoch(Duration wait) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<String> completed = dkgQuery("/dkg/completed");
            if (completed.isPresent()) {
                return CompletedKeyEpoch.fromJson(completed.get());
            }
            if (System.nanoTime() >= end) {
                throw new AssertionError("no key epoch completed on the ledger within " + wait + " (latest key epoch: "
                        + dkgQuery("/dkg").orElse("none started") + "): the issuers' DKG did not finish");
            }
            Thread.sleep(500);
        }
    }

    /** A DKG query's JSON (latest key epoch), empty when the ledger answers with a non-zero code (none yet). */
    private Optional<String> dkgQuery(String path) throws Exception {
        JsonNode r = ledger.call(
                "abci_query",
                LedgerChain.JSON.createObjectNode().put("path", path).put("data", ""));
        String value = r.path("response").path("value").asText("");
        if (r.path("response").path("code").asInt(0) != 0 || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
    }

    /** Polls the deposit until it is no longer pending. */
    JsonNode awaitSettled(String depositId, Duration wait) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        JsonNode d = deposit(depositId);
        while ("pending".equals(d.path("status").asText()) && System.nanoTime() < end) {
            Thread.sleep(300);
            d = deposit(depositId);
        }
        return d;
    }

    /** Polls an issuer until its answer for the request is no longer 404. */
    static HttpResponse<String> awaitPartial(int authority, String requestId, Duration wait) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        HttpResponse<String> r = Http.get(issuer(authority), "partial-credentials/" + requestId);
        while (r.statusCode() == 404 && System.nanoTime() < end) {
            Thread.sleep(300);
            r = Http.get(issuer(authority), "partial-credentials/" + requestId);
        }
        return r;
    }

    @Override
    public void close() throws Exception {
        try {
            PayaraScript.run("undeploy");
            PayaraScript.run("asadmin", "stop-deployment-group", group());
        } finally {
            try {
                ledger.close();
            } finally {
                ethereum.close();
            }
        }
    }
}
