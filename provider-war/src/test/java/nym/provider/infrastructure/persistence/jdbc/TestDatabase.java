package nym.provider.infrastructure.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import nym.sql.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database with the real migrations on the test PostgreSQL ({@code NYM_TEST_DB_HOST}, {@code NYM_TEST_DB_PORT},
 * {@code NYM_TEST_DB_USER}; defaults 127.0.0.1, 5432, postgres), dropped by {@link #drop()}.
 */
final class TestDatabase {

    final String name = "nym_provider_" + UUID.randomUUID().toString().replace("-", "");
    final PGSimpleDataSource dataSource;

    TestDatabase() throws SQLException {
        try (Connection c = source("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        dataSource = source(name);
        Migrations.apply(dataSource);
    }

    void drop() throws SQLException {
        try (Connection c = source("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static PGSimpleDataSource source(String database) {
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
