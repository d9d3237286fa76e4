package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nym.directory.api.Json;
import nym.directory.domain.metrics.MetricsReport;
import nym.directory.domain.metrics.MetricsRepository;

/** {@link MetricsRepository} on {@code mix_metrics} (sql/ V2, V8); drops by reason are stored as a JSON object. */
@ApplicationScoped
public class JpaMetricsRepository implements MetricsRepository {

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    public void store(MetricsReport r) {
        em.createNativeQuery(
                        "INSERT INTO mix_metrics (identity_key, received, sent, dropped, interval_ms, accepted_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, r.identityKey())
                .setParameter(2, r.received())
                .setParameter(3, r.sent())
                .setParameter(4, new String(Json.write(r.dropped()), StandardCharsets.UTF_8))
                .setParameter(5, r.intervalMillis())
                .setParameter(6, r.acceptedAt())
                .executeUpdate();
    }

    @Override
    public List<MetricsReport> acceptedBetween(long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT identity_key, received, sent, dropped, interval_ms, accepted_at FROM mix_metrics "
                                + "WHERE accepted_at >= ?1 AND accepted_at < ?2 ORDER BY accepted_at, id")
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        return rows.stream()
                .map(r -> new MetricsReport(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        counts((String) r[3]),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue()))
                .toList();
    }

    @Override
    public int deleteAcceptedBefore(long before) {
        return em.createNativeQuery("DELETE FROM mix_metrics WHERE accepted_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(String json) {
        Map<String, Object> raw = Json.read(json.getBytes(StandardCharsets.UTF_8), LinkedHashMap.class);
        Map<String, Long> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }
}
