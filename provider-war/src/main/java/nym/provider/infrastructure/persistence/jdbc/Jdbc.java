package nym.provider.infrastructure.persistence.jdbc;

import java.sql.SQLException;

/** The repositories' SQL failures: a database error is the deployment's fault, never the client's. */
final class Jdbc {

    /** PostgreSQL's SQLSTATE for a unique violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private Jdbc() {}

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database error while " + what + ": " + e.getMessage(), e);
    }
}
