package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.directory.api.AnnouncedKey;
import nym.directory.domain.node.BindingTakenException;
import nym.directory.domain.node.Candidate;
import nym.directory.domain.node.LiveNode;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeKind;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.NodeState;
import nym.directory.domain.node.SignedPresence;

/**
 * {@link NodeRepository} on {@code directory_node} and {@code node_sphinx_key} (sql/ V2, V11). Heartbeats are one
 * statement per batch: an upsert whose update only happens for the same kind, not banned, and a newer signed
 * timestamp, so concurrent requests on different instances cannot both pass the replay check; the Sphinx keys of the
 * presences it stored are written by the same statement.
 */
@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    /** PostgreSQL's detail of a unique violation on the Sphinx key: {@code Key (sphinx_key)=(...) already exists}. */
    private static final Pattern TAKEN_SPHINX_KEY = Pattern.compile("\\(sphinx_key\\)=\\(([A-Za-z0-9_-]+)\\)");

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

    private static final String UPSERT_NODES =
            "WITH stored AS (INSERT INTO directory_node (identity_key, kind, address, "
                    + "version, location, validator_type, public_key, client_listener, first_seen, last_seen, "
                    + "last_presence_ts) VALUES ";
    /**
     * The keys of the whole batch travel as one JSON parameter (so the statement's text depends on the number of
     * presences only); only the keys of presences the node upsert stored are written.
     */
    private static final String UPSERT_RULES = " ON CONFLICT (identity_key) DO UPDATE SET address = EXCLUDED.address, "
            + "version = EXCLUDED.version, location = EXCLUDED.location, validator_type = EXCLUDED.validator_type, "
            + "public_key = EXCLUDED.public_key, client_listener = EXCLUDED.client_listener, "
            + "last_seen = EXCLUDED.last_seen, last_presence_ts = EXCLUDED.last_presence_ts, left_at = NULL "
            + "WHERE directory_node.kind = EXCLUDED.kind AND NOT directory_node.banned "
            + "AND directory_node.last_presence_ts < EXCLUDED.last_presence_ts RETURNING identity_key), "
            + "announced AS (INSERT INTO node_sphinx_key (identity_key, epoch, sphinx_key, proofs) "
            + "SELECT k.identity_key, k.epoch, k.key, CAST(k.proofs AS TEXT) FROM json_to_recordset(CAST(?1 AS JSON)) "
            + "AS k(identity_key TEXT, epoch BIGINT, key TEXT, proofs JSON) "
            + "WHERE k.identity_key IN (SELECT identity_key FROM stored) "
            + "ON CONFLICT (identity_key, epoch) DO UPDATE SET sphinx_key = EXCLUDED.sphinx_key, proofs = EXCLUDED.proofs) "
            + "SELECT identity_key, " + RELAX_DURABILITY + " FROM stored";

    private static final int PARAMETERS_PER_ROW = 10;

    private static final String NODE_COLUMNS = "n.identity_key, n.kind, n.address, n.version, n.location, "
            + "n.validator_type, n.public_key, n.client_listener, n.last_seen";
    private static final int NODE_COLUMN_COUNT = 9;

    /** Statement text per batch size: built once, so the driver and the database see few distinct statements. */
    private final Map<Integer, String> upserts = new ConcurrentHashMap<>();

    @Override
    public Set<String> upsertPresences(List<SignedPresence> presences) {
        Query upsert = em.createNativeQuery(upserts.computeIfAbsent(presences.size(), JpaNodeRepository::upsertSql));
        upsert.setParameter(1, keysJson(presences));
        int p = 1;
        for (SignedPresence presence : presences) {
            Node n = presence.node();
            upsert.setParameter(++p, n.identityKey())
                    .setParameter(++p, n.kind().column())
                    .setParameter(++p, n.address())
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
                throw new BindingTakenException(bindingTaken(presences, e), e);
            }
            throw e;
        }
    }

    /**
     * One VALUES row per presence, parameters from ?2 on (?1 is the keys); first_seen and last_seen share a parameter
     * (a new node is first seen now).
     */
    private static String upsertSql(int rows) {
        StringBuilder sql = new StringBuilder(UPSERT_NODES);
        for (int row = 0; row < rows; row++) {
            int b = 1 + row * PARAMETERS_PER_ROW;
            sql.append(row == 0 ? "(" : ", (");
            for (int i = 1; i <= PARAMETERS_PER_ROW; i++) {
                String parameter = "?" + (b + i);
                sql.append(parameter);
                sql.append(i == 9 ? ", " + parameter : "").append(i < PARAMETERS_PER_ROW ? ", " : ")");
            }
        }
        return sql.append(UPSERT_RULES).toString();
    }

    private static String keysJson(List<SignedPresence> presences) {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        for (SignedPresence presence : presences) {
            for (AnnouncedKey k : presence.sphinxKeys()) {
                JsonObjectBuilder proofs = Json.createObjectBuilder();
                k.proofs().forEach(proofs::add);
                keys.add(Json.createObjectBuilder()
                        .add("identity_key", presence.node().identityKey())
                        .add("epoch", k.epoch())
                        .add("key", k.key())
                        .add("proofs", proofs));
            }
        }
        return keys.build().toString();
    }

    /** Names what is taken when the batch is one presence (the group commit retries a failed batch one by one). */
    private static String bindingTaken(List<SignedPresence> presences, PersistenceException e) {
        if (presences.size() > 1) {
            return "an address, client listener or Sphinx key in this batch belongs to another node";
        }
        Node n = presences.get(0).node();
        String violation = messages(e);
        if (violation.contains("node_sphinx_key_unique")) {
            Matcher key = TAKEN_SPHINX_KEY.matcher(violation);
            return "sphinxKey " + (key.find() ? key.group(1) + " " : "")
                    + "belongs to another node (or was announced for another epoch)";
        }
        if (violation.contains("directory_node_client_listener")) {
            return "clientListener " + n.clientListener() + " is bound to another identity key";
        }
        return "address " + n.address() + " is bound to another identity key";
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
    public List<LiveNode> liveSince(long since, long epoch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + NODE_COLUMNS + ", k.sphinx_key FROM directory_node n "
                        + "LEFT JOIN node_sphinx_key k ON k.identity_key = n.identity_key AND k.epoch = ?2 "
                        + "WHERE n.last_seen >= ?1 AND NOT n.banned AND n.left_at IS NULL ORDER BY n.kind, n.address")
                .setParameter(1, since)
                .setParameter(2, epoch)
                .getResultList();
        return rows.stream()
                .map(r -> new LiveNode(node(r), (String) r[NODE_COLUMN_COUNT]))
                .toList();
    }

    @Override
    public List<Candidate> candidates(long epoch, long liveSince, boolean approvedOnly) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + NODE_COLUMNS
                        + ", k.sphinx_key, k.proofs, nk.sphinx_key, nk.proofs FROM directory_node n "
                        + "JOIN node_sphinx_key k ON k.identity_key = n.identity_key AND k.epoch = ?1 "
                        + "JOIN node_sphinx_key nk ON nk.identity_key = n.identity_key AND nk.epoch = ?1 + 1 "
                        + "WHERE n.kind IN ('mixnode', 'gateway') AND n.last_seen >= ?2 AND NOT n.banned "
                        + "AND n.left_at IS NULL AND (n.approved OR NOT ?3) ORDER BY n.identity_key")
                .setParameter(1, epoch)
                .setParameter(2, liveSince)
                .setParameter(3, approvedOnly)
                .getResultList();
        int k = NODE_COLUMN_COUNT;
        return rows.stream()
                .map(r -> new Candidate(
                        node(r),
                        new AnnouncedKey(epoch, (String) r[k], proofs((String) r[k + 1])),
                        new AnnouncedKey(epoch + 1, (String) r[k + 2], proofs((String) r[k + 3]))))
                .toList();
    }

    private static Node node(Object[] r) {
        return new Node(
                (String) r[0],
                NodeKind.ofColumn((String) r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                ((Number) r[8]).longValue());
    }

    /** The proofs as stored (a JSON object of strings, written by {@link #keysJson}). */
    private static Map<String, String> proofs(String json) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        }
        Map<String, String> proofs = new LinkedHashMap<>();
        object.forEach((authority, tag) -> proofs.put(authority, ((JsonString) tag).getString()));
        return proofs;
    }

    @Override
    public boolean markLeft(String identityKey, long signedAt, long leftAt) {
        return em.createNativeQuery("UPDATE directory_node SET left_at = ?3, last_presence_ts = ?2 "
                                + "WHERE identity_key = ?1 AND NOT banned AND last_presence_ts < ?2")
                        .setParameter(1, identityKey)
                        .setParameter(2, signedAt)
                        .setParameter(3, leftAt)
                        .executeUpdate()
                == 1;
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

    @Override
    public boolean setApproved(String identityKey, boolean approved) {
        return em.createNativeQuery("UPDATE directory_node SET approved = ?2 WHERE identity_key = ?1")
                        .setParameter(1, identityKey)
                        .setParameter(2, approved)
                        .executeUpdate()
                == 1;
    }

    @Override
    public int deleteKeysBefore(long epoch) {
        return em.createNativeQuery("DELETE FROM node_sphinx_key WHERE epoch < ?1")
                .setParameter(1, epoch)
                .executeUpdate();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** Every message of the cause chain: PostgreSQL's names the violated index and the duplicate value. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
