package nym.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server tests use: {@code NYM_TEST_DB_HOST}/{@code NYM_TEST_DB_PORT}/{@code NYM_TEST_DB_USER}
 * (defaults 127.0.0.1, 5432, postgres), the server CI starts.
 */
final class TestDatabase {

    private TestDatabase() {}

    /** A new empty database named {@code prefix} + a random suffix; returns its name. */
    static String create(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        return name;
    }

    static void drop(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = dataSource("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static PGSimpleDataSource dataSource(String database) {
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
