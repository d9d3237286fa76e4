package nym.directory.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the shared PostgreSQL answers: without it this instance can serve nothing. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/nym")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(VALIDATION_TIMEOUT_SECONDS);
            return HealthCheckResponse.named("database")
                    .status(valid)
                    .withData("product", c.getMetaData().getDatabaseProductVersion())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
