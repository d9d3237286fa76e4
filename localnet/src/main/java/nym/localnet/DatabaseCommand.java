package nym.localnet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code localnet db}: checks that the database the network will use answers, creating it on its server when it
 * does not exist yet. Exit code 0 when it is ready, 1 with one clear line on stderr when it is not.
 */
@Command(name = "db", description = "Check that a PostgreSQL database answers; create it if the server lacks it.")
final class DatabaseCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "jdbc:postgresql://host:port/database")
    String url;

    @Option(names = "--user", defaultValue = "postgres", description = "Login user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "", description = "Login password (default: none).")
    String password;

    @Option(names = "--create", description = "Create the database when the server answers but lacks it.")
    boolean create;

    @Option(names = "--recreate", description = "Drop the database if it exists, then create it empty (tests).")
    boolean recreate;

    @Override
    public Integer call() {
        DatabaseTarget target;
        try {
            target = DatabaseTarget.parse(url, user, password);
        } catch (IllegalArgumentException e) {
            System.err.println("localnet: " + e.getMessage());
            return 1;
        }
        try {
            if (recreate) {
                drop(target);
            }
            if (create || recreate) {
                createIfMissing(target);
            }
            try (Connection c = target.connect()) {
                System.out.println("database " + target + " answers (PostgreSQL "
                        + c.getMetaData().getDatabaseProductVersion() + ")");
            }
            return 0;
        } catch (SQLException e) {
            System.err.println("localnet: cannot use database " + target + " within "
                    + DatabaseTarget.CONNECT_TIMEOUT_SECONDS + "s: " + e.getMessage());
            return 1;
        }
    }

    private static void drop(DatabaseTarget target) throws SQLException {
        try (Connection c = target.maintenance().connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quoted(target.name()) + " WITH (FORCE)");
        }
    }

    /** Identifiers cannot be bound as parameters; quote them as PostgreSQL does. */
    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void createIfMissing(DatabaseTarget target) throws SQLException {
        try (Connection c = target.maintenance().connect()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, target.name());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + quoted(target.name()));
            }
            System.out.println("created database " + target.name());
        }
    }
}
