package nym.sql;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application starts, before any other module of the EAR
 * initialises (the EAR initialises modules in order, this one first).
 *
 * <p>Safe when every instance of the deployment group starts at once: Flyway takes a PostgreSQL advisory lock for
 * the migration, so one instance migrates and the others find the schema current. Flyway runs its own
 * transactions, hence bean-managed transactions here.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/nym")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Migrations.apply(dataSource);
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied by this instance)");
    }
}
