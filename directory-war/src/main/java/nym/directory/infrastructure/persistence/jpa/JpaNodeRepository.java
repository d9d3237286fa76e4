package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nym.directory.domain.node.AddressTakenException;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeKind;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.NodeState;
import nym.directory.domain.node.SignedPresence;

/**
 * {@link NodeRepository} on {@code directory_node} (sql/ V2). Heartbeats are one statement per batch: an upsert
 * whose update only happens for the same kind, not banned, and a newer signed timestamp, so concurrent requests on
 * different instances cannot both pass the replay check.
 */
@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    /**
     * Heartbeats and metrics are soft state, re-sent every few seconds: their transaction commits without waiting for
     * the WAL flush ({@code synchronous_commit = off}, this transaction only). A database crash can lose the last
     * fraction of a second of them, never corrupt anything; everything else stays synchronous. Without it every
     * heartbeat waits for an fsync, which bounds heartbeats per second by the disk. The statement that writes sets it
     * itself (in RETURNING, evaluated for every row it stored; the setting is read at commit), which saves a round trip
     * per transaction over a separate {@code SET LOCAL}.
     */
    private static final String RELAX_DURABILITY = "set_config('synchronous_commit', 'off', true)";

    private static final String UPSERT_COLUMNS = "INSERT INTO directory_node (identity_key, kind, address, sphinx_key, "
            + "layer, version, location, validator_type, public_key, client_listener, first_seen, last_seen, "
            + "last_presence_ts) VALUES ";
    private static final String UPSERT_RULES = " ON CONFLICT (identity_key) DO UPDATE SET address = EXCLUDED.address, "
            + "sphinx_key = EXCLUDED.sphinx_key, layer = EXCLUDED.layer, version = EXCLUDED.version, "
            + "location = EXCLUDED.location, validator_type = EXCLUDED.validator_type, "
            + "public_key = EXCLUDED.public_key, client_listener = EXCLUDED.client_listener, "
            + "last_seen = EXCLUDED.last_seen, last_presence_ts = EXCLUDED.last_presence_ts "
            + "WHERE directory_node.kind = EXCLUDED.kind AND NOT directory_node.banned "
            + "AND directory_node.last_presence_ts < EXCLUDED.last_presence_ts RETURNING identity_key, "
            + RELAX_DURABILITY;
    private static final int PARAMETERS_PER_ROW = 12;

    /** Statement text per batch size: built once, so the driver and the database see few distinct statements. */
    private final Map<Integer, String> upserts = new ConcurrentHashMap<>();

    @Override
    public Set<String> upsertPresences(List<SignedPresence> presences) {
        Query upsert = em.createNativeQuery(upserts.computeIfAbsent(presences.size(), JpaNodeRepository::upsertSql));
        int p = 0;
        for (SignedPresence presence : presences) {
            Node n = presence.node();
            upsert.setParameter(++p, n.identityKey())
                    .setParameter(++p, n.kind().column())
                    .setParameter(++p, n.address())
                    .setParameter(++p, n.sphinxKey())
                    .setParameter(++p, n.layer() == null ? null : n.layer().toString())
                    .setParameter(++p, n.version())
                    .setParameter(++p, n.location())
                    .setParameter(++p, n.validatorType())
                    .setParameter(++p, n.publicKey())
                    .setParameter(++p, n.clientListener())
                    .setParameter(++p, n.lastSeen())
                    .setParameter(++p, presence.signedAt());
        }
        try {
            Set<String> stored = new HashSet<>();
            for (Object row : upsert.getResultList()) {
                stored.add((String) ((Object[]) row)[0]);
            }
            return stored;
        } catch (PersistenceException e) {
            if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                throw new AddressTakenException(addressTaken(presences), e);
            }
            throw e;
        }
    }

    /** One VALUES row per presence; first_seen and last_seen share a parameter (a new node is first seen now). */
    private static String upsertSql(int rows) {
        StringBuilder sql = new StringBuilder(UPSERT_COLUMNS);
        for (int row = 0; row < rows; row++) {
            int b = row * PARAMETERS_PER_ROW;
            sql.append(row == 0 ? "(" : ", (");
            for (int i = 1; i <= PARAMETERS_PER_ROW; i++) {
                String parameter = "?" + (b + i);
                sql.append(i == 5 ? "CAST(" + parameter + " AS INTEGER)" : parameter);
                sql.append(i == 11 ? ", " + parameter : "").append(i < PARAMETERS_PER_ROW ? ", " : ")");
            }
        }
        return sql.append(UPSERT_RULES).toString();
    }

    private static String addressTaken(List<SignedPresence> presences) {
        Node n = presences.get(0).node();
        return presences.size() == 1
                ? n.kind().column() + " address " + n.address() + " is bound to another identity key"
                : "an address in this batch is bound to another identity key";
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
        return em.createNativeQuery(
                                "UPDATE directory_node SET last_metrics_ts = ?2 WHERE identity_key = ?1 AND kind = 'mixnode' "
                                        + "AND NOT banned AND last_metrics_ts < ?2 RETURNING " + RELAX_DURABILITY)
                        .setParameter(1, identityKey)
                        .setParameter(2, signedAt)
                        .getResultList()
                        .size()
                == 1;
    }

    @Override
    public List<Node> liveSince(long since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT identity_key, kind, address, sphinx_key, layer, version, location, validator_type, public_key, "
                                + "client_listener, last_seen FROM directory_node "
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
                        ((Number) r[10]).longValue()))
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

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
