package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.directory.domain.metrics.MetricsReport;
import nym.directory.domain.metrics.TrafficHistoryRepository;
import nym.directory.domain.metrics.TrafficMinute;

/**
 * {@link TrafficHistoryRepository} on {@code mix_traffic_minute} and {@code mix_drop_minute} (sql/ V14): each report
 * is added with upserts, so instances adding to the same minute at once sum, never overwrite.
 */
@ApplicationScoped
public class JpaTrafficHistoryRepository implements TrafficHistoryRepository {

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    public void add(long minuteStart, MetricsReport r) {
        em.createNativeQuery(
                        "INSERT INTO mix_traffic_minute AS t (minute_start, identity_key, reports, received, sent) "
                                + "VALUES (?1, ?2, 1, ?3, ?4) ON CONFLICT (minute_start, identity_key) DO UPDATE SET "
                                + "reports = t.reports + 1, received = t.received + EXCLUDED.received, "
                                + "sent = t.sent + EXCLUDED.sent")
                .setParameter(1, minuteStart)
                .setParameter(2, r.identityKey())
                .setParameter(3, r.received())
                .setParameter(4, r.sent())
                .executeUpdate();
        r.dropped()
                .forEach((reason, n) -> em.createNativeQuery(
                                "INSERT INTO mix_drop_minute AS d (minute_start, identity_key, reason, dropped) "
                                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (minute_start, identity_key, reason) "
                                        + "DO UPDATE SET dropped = d.dropped + EXCLUDED.dropped")
                        .setParameter(1, minuteStart)
                        .setParameter(2, r.identityKey())
                        .setParameter(3, reason)
                        .setParameter(4, n)
                        .executeUpdate());
    }

    @Override
    public List<TrafficMinute> minutesBetween(long from, long to, Optional<String> identityKey) {
        String nodeFilter = identityKey.isPresent() ? " AND identity_key = ?3" : "";
        Map<String, Map<String, Long>> drops = new HashMap<>();
        for (Object[] d : rows(
                "SELECT minute_start, identity_key, reason, dropped FROM mix_drop_minute "
                        + "WHERE minute_start >= ?1 AND minute_start < ?2" + nodeFilter,
                from,
                to,
                identityKey)) {
            drops.computeIfAbsent(rowKey(d), k -> new HashMap<>()).put((String) d[2], ((Number) d[3]).longValue());
        }
        return rows(
                        "SELECT minute_start, identity_key, reports, received, sent FROM mix_traffic_minute "
                                + "WHERE minute_start >= ?1 AND minute_start < ?2" + nodeFilter
                                + " ORDER BY minute_start, identity_key",
                        from,
                        to,
                        identityKey)
                .stream()
                .map(m -> new TrafficMinute(
                        ((Number) m[0]).longValue(),
                        (String) m[1],
                        ((Number) m[2]).intValue(),
                        ((Number) m[3]).longValue(),
                        ((Number) m[4]).longValue(),
                        drops.getOrDefault(rowKey(m), Map.of())))
                .toList();
    }

    @Override
    public int deleteBefore(long minuteStart) {
        // mix_drop_minute's rows go with their minute (ON DELETE CASCADE)
        return em.createNativeQuery("DELETE FROM mix_traffic_minute WHERE minute_start < ?1")
                .setParameter(1, minuteStart)
                .executeUpdate();
    }

    private static String rowKey(Object[] row) {
        return ((Number) row[0]).longValue() + "/" + row[1];
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long from, long to, Optional<String> identityKey) {
        Query q = em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to);
        identityKey.ifPresent(k -> q.setParameter(3, k));
        return q.getResultList();
    }
}
