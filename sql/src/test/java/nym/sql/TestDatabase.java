package nym.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database made for each test on the PostgreSQL server tests use and dropped after it (register with
 * {@code @RegisterExtension}), empty or {@link #migrated}. The server: {@code NYM_TEST_DB_HOST}/{@code
 * NYM_TEST_DB_PORT}/{@code NYM_TEST_DB_USER} (defaults 127.0.0.1, 5432, postgres), the one CI starts.
 */
final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private final boolean migrate;
    private String name;
    private PGSimpleDataSource dataSource;

    private TestDatabase(String prefix, boolean migrate) {
        this.prefix = prefix;
        this.migrate = migrate;
    }

    /** An empty database named {@code prefix} + a random suffix. */
    static TestDatabase empty(String prefix) {
        return new TestDatabase(prefix, false);
    }

    /** A database named {@code prefix} + a random suffix with every migration applied. */
    static TestDatabase migrated(String prefix) {
        return new TestDatabase(prefix, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        name = prefix + UUID.randomUUID().toString().replace("-", "");
        executeOnServer("CREATE DATABASE " + name);
        dataSource = dataSource(name);
        if (migrate) {
            Migrations.apply(dataSource);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (name != null) {
            executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    PGSimpleDataSource dataSource() {
        return dataSource;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row {@code sql} answers, as text. */
    String query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The column names of {@code table} in the public schema, in order (none: no such table). */
    List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, "public", table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
            }
        }
        return names;
    }

    private static void executeOnServer(String sql) throws SQLException {
        try (Connection c = dataSource("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("NYM_TEST_DB_HOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("NYM_TEST_DB_PORT", "5432"))});
        ds.setUser(env("NYM_TEST_DB_USER", "postgres"));
        ds.setDatabaseName(database);
        ds.setConnectTimeout(5);
        return ds;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
