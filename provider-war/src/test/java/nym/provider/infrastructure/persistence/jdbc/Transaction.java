package nym.provider.infrastructure.persistence.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One database transaction as the container would run it: every {@code getConnection()} of {@link #dataSource()}
 * returns the same connection (autocommit off, {@code close()} ignored) until {@link #commit()} or {@link #rollback()}.
 */
final class Transaction implements AutoCloseable {

    private final Connection connection;
    private final DataSource dataSource;

    Transaction(DataSource real) throws SQLException {
        connection = real.getConnection();
        connection.setAutoCommit(false);
        Connection unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> "close".equals(method.getName()) ? null : method.invoke(connection, args));
        dataSource = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if ("getConnection".equals(method.getName())) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    DataSource dataSource() {
        return dataSource;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
