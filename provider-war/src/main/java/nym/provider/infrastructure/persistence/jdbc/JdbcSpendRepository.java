package nym.provider.infrastructure.persistence.jdbc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nym.provider.domain.spend.DepositStatus;
import nym.provider.domain.spend.Spend;
import nym.provider.domain.spend.SpendRepository;
import nym.provider.domain.spend.SubmittedDeposit;

/**
 * {@link SpendRepository} on {@code provider_spend} and {@code provider_account} (sql/ V5, V6). ζ is the primary key,
 * and {@code INSERT ... ON CONFLICT DO NOTHING} waits for a concurrent insert of the same ζ to end, so two spends of
 * one credential cannot both be recorded, whichever instances and providers they reach.
 */
@ApplicationScoped
public class JdbcSpendRepository implements SpendRepository {

    @Resource(lookup = "jdbc/nym")
    DataSource dataSource;

    public JdbcSpendRepository() {}

    JdbcSpendRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void lockProvider(int provider, String address) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO provider_account (provider, address) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setInt(1, provider);
                s.setString(2, address);
                s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE provider_account SET deposits = deposits + 1 WHERE provider = ?")) {
                s.setInt(1, provider);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("locking provider " + provider, e);
        }
    }

    @Override
    public boolean insertIfAbsent(Spend spend) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO provider_spend (zeta, provider, value, nonce, accepted_at, status) VALUES (?, ?, ?,"
                                + " ?, ?, ?) ON CONFLICT (zeta) DO NOTHING")) {
            s.setBytes(1, spend.zeta());
            s.setInt(2, spend.provider());
            s.setLong(3, spend.value());
            s.setBytes(4, spend.nonce());
            s.setTimestamp(5, Timestamp.from(spend.acceptedAt()));
            s.setString(6, spend.status().wire());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("recording a spend", e);
        }
    }

    @Override
    public void recordDeposit(byte[] zeta, String depositId, long height) {
        update("UPDATE provider_spend SET deposit_id = ?, deposit_height = ?, status = 'pending' WHERE zeta = ?", s -> {
            s.setString(1, depositId);
            s.setLong(2, height);
            s.setBytes(3, zeta);
        });
    }

    @Override
    public void recordSubmitted(byte[] zeta, String depositId, byte[] signedTx, Instant at) {
        update(
                "UPDATE provider_spend SET deposit_id = ?, deposit_tx = ?, submitted_at = ?, status = 'submitted'"
                        + " WHERE zeta = ?",
                s -> {
                    s.setString(1, depositId);
                    s.setBytes(2, signedTx);
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setBytes(4, zeta);
                });
    }

    @Override
    public Optional<SubmittedDeposit> submitted(byte[] zeta) {
        List<SubmittedDeposit> found = submittedWhere("zeta = ?", s -> s.setBytes(1, zeta));
        return found.stream().findFirst();
    }

    @Override
    public List<SubmittedDeposit> submittedDeposits(int limit) {
        return submittedWhere("TRUE ORDER BY submitted_at LIMIT ?", s -> s.setInt(1, limit));
    }

    @Override
    public void recordResubmitted(byte[] zeta, Instant at) {
        update(
                "UPDATE provider_spend SET resubmissions = resubmissions + 1, submitted_at = ? WHERE zeta = ?"
                        + " AND status = 'submitted'",
                s -> {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setBytes(2, zeta);
                });
    }

    private List<SubmittedDeposit> submittedWhere(String condition, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT zeta, provider, deposit_id, deposit_tx, submitted_at, resubmissions FROM provider_spend"
                                + " WHERE status = 'submitted' AND " + condition)) {
            binder.bind(s);
            List<SubmittedDeposit> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new SubmittedDeposit(
                            r.getBytes(1),
                            r.getInt(2),
                            r.getString(3),
                            r.getBytes(4),
                            r.getTimestamp(5).toInstant(),
                            r.getInt(6)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("reading submitted deposits", e);
        }
    }

    @Override
    public void settle(byte[] zeta, DepositStatus status, Instant at) {
        update("UPDATE provider_spend SET status = ?, settled_at = ? WHERE zeta = ?", s -> {
            s.setString(1, status.wire());
            s.setTimestamp(2, Timestamp.from(at));
            s.setBytes(3, zeta);
        });
    }

    @Override
    public Optional<Spend> find(byte[] zeta) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT zeta, provider, value, nonce, accepted_at, deposit_id, deposit_height, status, settled_at"
                                + " FROM provider_spend WHERE zeta = ?")) {
            s.setBytes(1, zeta);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp settled = r.getTimestamp(9);
                return Optional.of(new Spend(
                        r.getBytes(1),
                        r.getInt(2),
                        r.getLong(3),
                        r.getBytes(4),
                        r.getTimestamp(5).toInstant(),
                        r.getString(6),
                        r.getLong(7),
                        DepositStatus.fromWire(r.getString(8)),
                        settled == null ? null : settled.toInstant()));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading a spend", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no spend row to update");
            }
        } catch (SQLException e) {
            throw Jdbc.failure("updating a spend", e);
        }
    }
}
