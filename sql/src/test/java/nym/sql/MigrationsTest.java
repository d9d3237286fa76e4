package nym.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Runs the migrations against a real PostgreSQL, in a database made for each test and dropped after it. */
class MigrationsTest {

    private String database;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = TestDatabase.create("nym_sql_");
        dataSource = TestDatabase.dataSource(database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        TestDatabase.drop(database);
    }

    @Test
    void apply_emptyDatabase_createsClusterMemberTable() throws SQLException {
        int known = knownMigrations();
        MigrateResult result = Migrations.apply(dataSource);

        assertEquals(known, result.migrationsExecuted);
        assertEquals(List.of("instance_name", "authority", "started_at", "last_seen"), columns("cluster_member"));
    }

    @Test
    void apply_emptyDatabase_directoryNodeKeepsNoClientIds() throws SQLException {
        Migrations.apply(dataSource);

        // V9 (issue 17): a gateway's client ids are neither stored nor published
        assertFalse(columns("directory_node").contains("registered_clients"));
        assertTrue(columns("directory_node").contains("client_listener"));
    }

    @Test
    void apply_emptyDatabase_epochDocumentsWithSignaturesAndNoSharedKey() throws SQLException {
        Migrations.apply(dataSource);

        // V10 (issue 18): per-epoch documents signed by each authority; the shared directory key is gone
        assertEquals(List.of("epoch", "body", "built_by", "built_at"), columns("epoch_document"));
        assertEquals(List.of("epoch", "authority_key", "signature", "signed_at"), columns("epoch_signature"));
        assertTrue(columns("directory_key").isEmpty());
    }

    @Test
    void deleteEpochDocument_withSignatures_signaturesGoWithIt() throws SQLException {
        Migrations.apply(dataSource);

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO epoch_document VALUES (7, '\\x7b7d', 1, 0)");
            s.executeUpdate("INSERT INTO epoch_signature VALUES (7, 'k', 's', 0)");
            s.executeUpdate("DELETE FROM epoch_document WHERE epoch = 7");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM epoch_signature")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void apply_twice_secondRunAppliesNothing() {
        Migrations.apply(dataSource);

        assertEquals(0, Migrations.apply(dataSource).migrationsExecuted);
    }

    @Test
    void apply_threeInstancesAtOnce_schemaMigratedExactlyOnce() throws Exception {
        int known = knownMigrations();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> instance = () -> Migrations.apply(dataSource).migrationsExecuted;
            List<Future<Integer>> runs = pool.invokeAll(List.of(instance, instance, instance));
            int executed = 0;
            for (Future<Integer> run : runs) {
                executed += run.get();
            }
            assertEquals(known, executed, "exactly one instance applies each migration");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            assertTrue(rs.next());
            assertEquals(known, rs.getInt(1));
        }
    }

    private List<String> columns(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, "public", table, null)) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
            return columns;
        }
    }

    /** How many migrations the jar holds (V1, V2, ...): each test's database starts empty, so all are pending. */
    private int knownMigrations() {
        return org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(Migrations.LOCATION)
                .load()
                .info()
                .pending()
                .length;
    }
}
