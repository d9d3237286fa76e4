package nym.watcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nym.ethereum.DevelopmentKeys;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import nym.ethereum.devchain.Anvil;
import nym.ledger.Hex;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.GenesisParties;
import nym.ledger.comet.LocalChain;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.QueryResult;
import nym.ledger.state.Genesis;
import nym.ledger.tx.Secp256k1;
import nym.sql.Migrations;
import nym.watcher.application.DepositWatcher;
import nym.watcher.application.WatcherSettings;
import nym.watcher.domain.CursorRepository;
import nym.watcher.infrastructure.ethereum.Web3jDepositChain;
import nym.watcher.infrastructure.ledger.JcaPipeLedger;
import nym.watcher.infrastructure.persistence.jdbc.JdbcCursorRepository;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real network on 127.0.0.1 for the watcher tests: anvil (1 s blocks, free port), a CometBFT validator driving ledger-app abci whose
 * genesis registers three watchers with threshold 2 and a pipe account, a fresh PostgreSQL database with the
 * project's migrations, and the ledger adapter's connection factory used outside a container.
 */
final class TestNetwork implements AutoCloseable {

    static final int THRESHOLD = 2;
    static final Secp256k1.KeyPair[] WATCHERS = {
        Secp256k1.KeyPair.fromSeed("test-watcher-1"),
        Secp256k1.KeyPair.fromSeed("test-watcher-2"),
        Secp256k1.KeyPair.fromSeed("test-watcher-3")
    };
    /** anvil's default chain id (EIP-155). */
    static final long CHAIN_ID = 31337;
    /** The pipe account only receives tokens; no one needs its key here. */
    static final String PIPE =
            Hex.prefixed(Secp256k1.KeyPair.fromSeed("test-pipe").address());

    final Anvil anvil;
    final LocalChain chain;
    final LedgerConnectionFactory ledger;
    final PGSimpleDataSource database;
    private final PGSimpleDataSource admin;
    private final String databaseName =
            "nym_watcher_" + UUID.randomUUID().toString().replace("-", "");

    /** Starts everything, or stops what it started and throws. */
    static TestNetwork start(Path dir) throws Exception {
        Anvil anvil = Anvil.start(1, dir.resolve("anvil.log"));
        try {
            return new TestNetwork(dir, anvil);
        } catch (Exception | Error e) {
            anvil.close();
            throw e;
        }
    }

    private static GenesisParties.Issuer issuer(int i) {
        return new GenesisParties.Issuer(
                Secp256k1.KeyPair.fromSeed("test-issuer-" + i).address(),
                GenesisDoc.devDkgKey(i).publicKey().toBytes());
    }

    private TestNetwork(Path dir, Anvil anvil) throws Exception {
        this.anvil = anvil;
        chain = LocalChain.create(
                        dir.resolve("chain"),
                        1,
                        GenesisDoc.of(
                                "nym-watcher-test",
                                Instant.now(),
                                new GenesisParties(
                                        Hex.parse(PIPE),
                                        THRESHOLD,
                                        List.of(WATCHERS[0].address(), WATCHERS[1].address(), WATCHERS[2].address()),
                                        List.of(issuer(1), issuer(2), issuer(3)),
                                        List.of(WATCHERS[0].address(), WATCHERS[1].address(), WATCHERS[2].address()),
                                        List.of(),
                                        GenesisDoc.devCoconutParams().toBytes(),
                                        GenesisParties.DkgSchedule.LOCALNET,
                                        Genesis.DEFAULT_BANDWIDTH_BYTES_PER_NYM,
                                        List.of())),
                        ChainHomes.Settings.defaults().withTimeoutCommit(Duration.ofMillis(200)),
                        null)
                .start();
        try {
            ledger = ledgerConnectionFactory(chain.nodeUrls(0));
            admin = dataSource("postgres");
            try (Connection c = admin.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + databaseName);
            }
            database = dataSource(databaseName);
            Migrations.apply(database);
        } catch (Exception | Error e) {
            chain.close();
            throw e;
        }
    }

    /**
     * The adapter's outbound factory, non-managed (as outside a container). Its classes are on the test class path
     * only at run time, taken from the RAR itself (see the pom), hence reflection.
     */
    private static LedgerConnectionFactory ledgerConnectionFactory(String nodeUrls) throws Exception {
        ManagedConnectionFactory mcf =
                (ManagedConnectionFactory) Class.forName("nym.ledger.jca.rar.outbound.LedgerManagedConnectionFactory")
                        .getConstructor()
                        .newInstance();
        mcf.getClass().getMethod("setNodeUrls", String.class).invoke(mcf, nodeUrls);
        return (LedgerConnectionFactory) mcf.createConnectionFactory();
    }

    /** A token deployed afresh (so each test has its own cursors), account {@code i} of anvil funded with it. */
    NymToken freshToken(int... funded) throws Exception {
        try (EthereumAccount deployer = deployer()) {
            NymToken token = deployer.deployToken(BigInteger.valueOf(1_000_000_000), PIPE);
            for (int i : funded) {
                deployer.transfer(token, DevelopmentKeys.account(i).getAddress(), BigInteger.valueOf(1_000_000));
            }
            return token;
        }
    }

    EthereumAccount deployer() throws Exception {
        return EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0));
    }

    EthereumAccount client(int i) throws Exception {
        return EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(i));
    }

    /** Watcher {@code i} (1..3) of {@code token} with the given depth, reading from block 0. */
    DepositWatcher watcher(int i, NymToken token, int confirmations, EthereumAccount reader) {
        return watcher(
                i, token, new WatcherSettings(confirmations, 0, 1000), reader, new JdbcCursorRepository(database));
    }

    DepositWatcher watcher(
            int i, NymToken token, WatcherSettings settings, EthereumAccount reader, CursorRepository cursors) {
        String address = token.getContractAddress().toLowerCase();
        return new DepositWatcher(
                Web3jDepositChain.paidInto(reader.web3j(), address, PIPE),
                new JcaPipeLedger(ledger, WATCHERS[i - 1], Duration.ofSeconds(30)),
                cursors,
                settings,
                address);
    }

    /** The ledger balance of an address (0x hex). */
    long balance(String address) throws Exception {
        JsonObject a = query("/balance", Hex.parse(address));
        return Long.parseLong(a.get("balance").toString().replace("\"", ""));
    }

    /** The ledger's {@code /pipe} record of a deposit id, or null when no watcher voted for it. */
    JsonObject pipe(byte[] depositId) throws Exception {
        return query("/pipe", depositId);
    }

    private JsonObject query(String path, byte[] data) throws Exception {
        try (LedgerConnection c = ledger.getConnection()) {
            QueryResult r = c.query(path, data);
            if (r.value() == null) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(r.valueAsString()))) {
                return reader.readObject();
            }
        }
    }

    @Override
    public void close() throws Exception {
        anvil.close();
        chain.close();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }

    private static PGSimpleDataSource dataSource(String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("NYM_TEST_DB_HOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("NYM_TEST_DB_PORT", "5432"))});
        ds.setUser(env("NYM_TEST_DB_USER", "postgres"));
        ds.setDatabaseName(name);
        ds.setConnectTimeout(5);
        return ds;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
