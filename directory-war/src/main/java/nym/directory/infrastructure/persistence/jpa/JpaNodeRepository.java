package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nym.directory.api.Json;
import nym.directory.domain.node.AddressTakenException;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeKind;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.NodeState;

/**
 * {@link NodeRepository} on {@code directory_node} (sql/ V2). A heartbeat is one statement: an upsert whose update
 * only happens for the same kind, not banned, and a newer signed timestamp, so concurrent requests on different
 * instances cannot both pass the replay check.
 */
@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    public boolean upsertPresence(Node n, long signedAt) {
        relaxDurability();
        try {
            int rows = em.createNativeQuery(
                            "INSERT INTO directory_node (identity_key, kind, address, sphinx_key, layer, version, location, "
                                    + "validator_type, public_key, client_listener, registered_clients, first_seen, last_seen, "
                                    + "last_presence_ts) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS INTEGER), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13) "
                                    + "ON CONFLICT (identity_key) DO UPDATE SET address = EXCLUDED.address, "
                                    + "sphinx_key = EXCLUDED.sphinx_key, layer = EXCLUDED.layer, version = EXCLUDED.version, "
                                    + "location = EXCLUDED.location, validator_type = EXCLUDED.validator_type, "
                                    + "public_key = EXCLUDED.public_key, client_listener = EXCLUDED.client_listener, "
                                    + "registered_clients = EXCLUDED.registered_clients, last_seen = EXCLUDED.last_seen, "
                                    + "last_presence_ts = EXCLUDED.last_presence_ts "
                                    + "WHERE directory_node.kind = EXCLUDED.kind AND NOT directory_node.banned "
                                    + "AND directory_node.last_presence_ts < EXCLUDED.last_presence_ts")
                    .setParameter(1, n.identityKey())
                    .setParameter(2, n.kind().column())
                    .setParameter(3, n.address())
                    .setParameter(4, n.sphinxKey())
                    .setParameter(5, n.layer() == null ? null : n.layer().toString())
                    .setParameter(6, n.version())
                    .setParameter(7, n.location())
                    .setParameter(8, n.validatorType())
                    .setParameter(9, n.publicKey())
                    .setParameter(10, n.clientListener())
                    .setParameter(
                            11,
                            n.registeredClients() == null
                                    ? null
                                    : new String(Json.write(n.registeredClients()), StandardCharsets.UTF_8))
                    .setParameter(12, n.lastSeen())
                    .setParameter(13, signedAt)
                    .executeUpdate();
            return rows == 1;
        } catch (PersistenceException e) {
            if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                throw new AddressTakenException(
                        n.kind().column() + " address " + n.address() + " is bound to another identity key", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<NodeState> state(String identityKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT kind, banned, last_presence_ts, last_metrics_ts FROM directory_node WHERE identity_key = ?1")
                .setParameter(1, identityKey)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new NodeState(
                        NodeKind.ofColumn((String) r[0]),
                        (Boolean) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue()));
    }

    @Override
    public boolean advanceMetricsTimestamp(String identityKey, long signedAt) {
        relaxDurability();
        return em.createNativeQuery(
                                "UPDATE directory_node SET last_metrics_ts = ?2 WHERE identity_key = ?1 AND kind = 'mixnode' "
                                        + "AND NOT banned AND last_metrics_ts < ?2")
                        .setParameter(1, identityKey)
                        .setParameter(2, signedAt)
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<Node> liveSince(long since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT identity_key, kind, address, sphinx_key, layer, version, location, validator_type, public_key, "
                                + "client_listener, registered_clients, last_seen FROM directory_node "
                                + "WHERE last_seen >= ?1 AND NOT banned ORDER BY kind, layer, address")
                .setParameter(1, since)
                .getResultList();
        return rows.stream()
                .map(r -> new Node(
                        (String) r[0],
                        NodeKind.ofColumn((String) r[1]),
                        (String) r[2],
                        (String) r[3],
                        r[4] == null ? null : ((Number) r[4]).intValue(),
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        r[10] == null
                                ? null
                                : Arrays.asList(
                                        Json.read(((String) r[10]).getBytes(StandardCharsets.UTF_8), String[].class)),
                        ((Number) r[11]).longValue()))
                .toList();
    }

    @Override
    public boolean setBanned(String identityKey, boolean banned, String reason) {
        return em.createNativeQuery("UPDATE directory_node SET banned = ?2, banned_reason = ?3 WHERE identity_key = ?1")
                        .setParameter(1, identityKey)
                        .setParameter(2, banned)
                        .setParameter(3, reason)
                        .executeUpdate()
                == 1;
    }

    /**
     * Heartbeats and metrics are soft state, re-sent every few seconds: their transaction commits without waiting for
     * the WAL flush ({@code synchronous_commit = off}, this transaction only). A database crash can lose the last
     * fraction of a second of them, never corrupt anything; everything else stays synchronous. Without it every
     * heartbeat waits for an fsync, which bounds heartbeats per second by the disk.
     */
    private void relaxDurability() {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
