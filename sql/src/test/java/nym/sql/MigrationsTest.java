package nym.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the migrations against a real PostgreSQL, in a database made for each test and dropped after it. */
class MigrationsTest {

    @RegisterExtension
    final TestDatabase db = TestDatabase.empty("nym_sql_");

    @Test
    void apply_emptyDatabase_createsClusterMemberTable() throws SQLException {
        int known = knownMigrations();
        MigrateResult result = Migrations.apply(db.dataSource());

        assertEquals(known, result.migrationsExecuted);
        assertEquals(List.of("instance_name", "authority", "started_at", "last_seen"), db.columns("cluster_member"));
    }

    @Test
    void apply_emptyDatabase_directoryNodeKeepsNoClientIds() throws SQLException {
        Migrations.apply(db.dataSource());

        // V9 (issue 17): a gateway's client ids are neither stored nor published
        assertFalse(db.columns("directory_node").contains("registered_clients"));
        assertTrue(db.columns("directory_node").contains("client_listener"));
    }

    @Test
    void apply_emptyDatabase_epochDocumentsWithSignaturesAndNoSharedKey() throws SQLException {
        Migrations.apply(db.dataSource());

        // V10 (issue 18): per-epoch documents signed by each authority; the shared directory key is gone
        assertEquals(List.of("epoch", "body", "built_by", "built_at"), db.columns("epoch_document"));
        assertEquals(List.of("epoch", "authority_key", "signature", "signed_at"), db.columns("epoch_signature"));
        assertTrue(db.columns("directory_key").isEmpty());
    }

    @Test
    void deleteEpochDocument_withSignatures_signaturesGoWithIt() throws SQLException {
        Migrations.apply(db.dataSource());

        db.execute("INSERT INTO epoch_document VALUES (7, '\\x7b7d', 1, 0)");
        db.execute("INSERT INTO epoch_signature VALUES (7, 'k', 's', 0)");
        db.execute("DELETE FROM epoch_document WHERE epoch = 7");

        assertEquals("0", db.query("SELECT count(*) FROM epoch_signature"));
    }

    @Test
    void apply_twice_secondRunAppliesNothing() {
        Migrations.apply(db.dataSource());

        assertEquals(0, Migrations.apply(db.dataSource()).migrationsExecuted);
    }

    @Test
    void apply_threeInstancesAtOnce_schemaMigratedExactlyOnce() throws Exception {
        int known = knownMigrations();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> instance = () -> Migrations.apply(db.dataSource()).migrationsExecuted;
            List<Future<Integer>> runs = pool.invokeAll(List.of(instance, instance, instance));
            int executed = 0;
            for (Future<Integer> run : runs) {
                executed += run.get();
            }
            assertEquals(known, executed, "exactly one instance applies each migration");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Integer.toString(known), db.query("SELECT count(*) FROM flyway_schema_history WHERE success"));
    }

    /** How many migrations the jar holds (V1, V2, ...): each test's database starts empty, so all are pending. */
    private int knownMigrations() {
        return org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations(Migrations.LOCATION)
                .load()
                .info()
                .pending()
                .length;
    }
}
