package nym.localnet;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL database named by a JDBC URL ({@code jdbc:postgresql://host:port/name}) and credentials.
 *
 * @param host server host
 * @param port server port
 * @param name database name
 * @param user login user
 * @param password login password (never printed)
 */
record DatabaseTarget(String host, int port, String name, String user, String password) {

    /** Seconds to wait for a connection before saying the server cannot be reached. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    private static final String PREFIX = "jdbc:postgresql://";

    static DatabaseTarget parse(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "not a PostgreSQL JDBC URL: '" + jdbcUrl + "' (expected jdbc:postgresql://host:port/database)");
        }
        try {
            URI uri = new URI(jdbcUrl.substring("jdbc:".length()));
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || path.isEmpty() || path.contains("/")) {
                throw new IllegalArgumentException(
                        "'" + jdbcUrl + "' must name a host and one database: jdbc:postgresql://host:port/database");
            }
            return new DatabaseTarget(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed JDBC URL '" + jdbcUrl + "': " + e.getReason(), e);
        }
    }

    String jdbcUrl() {
        return PREFIX + host + ":" + port + "/" + name;
    }

    /** The same server's maintenance database, from which databases are created. */
    DatabaseTarget maintenance() {
        return new DatabaseTarget(host, port, "postgres", user, password);
    }

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        // Bounded at every step, so a wrong host or a server that never answers fails in seconds, not minutes.
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 2));
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    @Override
    public String toString() {
        return jdbcUrl() + " as " + user;
    }
}
