package nym.sql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The project's Flyway migrations ({@code db/migration} in this jar), applied to a data source. */
public final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /** Applies every pending migration; a database already at the latest version is left as it is. */
    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .load()
                .migrate();
    }
}
