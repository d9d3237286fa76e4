package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nym.directory.domain.cluster.ClusterMember;
import nym.directory.domain.cluster.ClusterMemberRepository;

/** {@link ClusterMemberRepository} on the {@code cluster_member} table (sql/ V1). */
@ApplicationScoped
public class JpaClusterMemberRepository implements ClusterMemberRepository {

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    public void heartbeat(String instanceName, int authority, Instant startedAt, Instant now) {
        // One statement, so concurrent heartbeats of a restarting instance never race an insert against an update.
        em.createNativeQuery(
                        "INSERT INTO cluster_member (instance_name, authority, started_at, last_seen) VALUES (?1, ?2, ?3, ?4) "
                                + "ON CONFLICT (instance_name) DO UPDATE SET authority = EXCLUDED.authority, "
                                + "started_at = EXCLUDED.started_at, last_seen = EXCLUDED.last_seen")
                .setParameter(1, instanceName)
                .setParameter(2, authority)
                .setParameter(3, Timestamp.from(startedAt))
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    @Override
    public List<ClusterMember> seenSince(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT instance_name, authority, started_at, last_seen FROM cluster_member "
                                + "WHERE last_seen >= ?1 ORDER BY instance_name")
                .setParameter(1, Timestamp.from(since))
                .getResultList();
        return rows.stream()
                .map(r -> new ClusterMember((String) r[0], ((Number) r[1]).intValue(), instant(r[2]), instant(r[3])))
                .toList();
    }

    private static Instant instant(Object column) {
        return column instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) column).toInstant();
    }
}
