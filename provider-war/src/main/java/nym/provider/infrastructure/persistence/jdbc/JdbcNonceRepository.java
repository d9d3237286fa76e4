package nym.provider.infrastructure.persistence.jdbc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import nym.provider.domain.nonce.IssuedNonce;
import nym.provider.domain.nonce.NonceRepository;

/** {@link NonceRepository} on {@code provider_nonce} (sql/ V5), through the application's JTA data source. */
@ApplicationScoped
public class JdbcNonceRepository implements NonceRepository {

    @Resource(lookup = "jdbc/nym")
    DataSource dataSource;

    public JdbcNonceRepository() {}

    JdbcNonceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(IssuedNonce n) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO provider_nonce (nonce, provider, issued_at, expires_at) VALUES (?, ?, ?, ?)")) {
            s.setBytes(1, n.nonce());
            s.setInt(2, n.provider());
            s.setTimestamp(3, Timestamp.from(n.issuedAt()));
            s.setTimestamp(4, Timestamp.from(n.expiresAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("saving a nonce", e);
        }
    }

    @Override
    public boolean use(int provider, byte[] nonce, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE provider_nonce SET used_at = ? WHERE nonce = ? AND"
                        + " provider = ? AND used_at IS NULL AND expires_at > ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setBytes(2, nonce);
            s.setInt(3, provider);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("using a nonce", e);
        }
    }

    @Override
    public int deleteExpired(Instant before) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM provider_nonce n WHERE n.expires_at < ? AND NOT"
                        + " EXISTS (SELECT 1 FROM provider_spend s WHERE s.nonce = n.nonce)")) {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("deleting expired nonces", e);
        }
    }
}
