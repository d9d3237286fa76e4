package nym.issuer.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import nym.issuer.domain.PartialCredential;
import nym.issuer.domain.PartialCredentialRepository;

/** {@link PartialCredentialRepository} on the {@code issued_credential} table (sql/ V4, key_epoch V12). */
@ApplicationScoped
public class JpaPartialCredentialRepository implements PartialCredentialRepository {

    @PersistenceContext(unitName = "issuer")
    private EntityManager em;

    @Override
    public Optional<PartialCredential> find(int authority, String requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT event_id, requester, value, key_epoch, blinded_signature, refusal FROM issued_credential "
                                + "WHERE authority = ?1 AND request_id = ?2")
                .setParameter(1, authority)
                .setParameter(2, requestId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new PartialCredential(
                        authority,
                        requestId,
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        Optional.ofNullable((String) r[4]),
                        Optional.ofNullable((String) r[5])));
    }

    @Override
    public boolean addIfAbsent(PartialCredential c) {
        // One statement: a concurrent or repeated insert of the same (authority, request) is a no-op, never an error.
        return em.createNativeQuery("INSERT INTO issued_credential (authority, request_id, event_id, requester, value, "
                                + "key_epoch, blinded_signature, refusal) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                + "ON CONFLICT (authority, request_id) DO NOTHING")
                        .setParameter(1, c.authority())
                        .setParameter(2, c.requestId())
                        .setParameter(3, c.eventId())
                        .setParameter(4, c.requester())
                        .setParameter(5, c.value())
                        .setParameter(6, c.keyEpoch())
                        .setParameter(7, c.blindedSignature().orElse(null))
                        .setParameter(8, c.refusal().orElse(null))
                        .executeUpdate()
                == 1;
    }
}
