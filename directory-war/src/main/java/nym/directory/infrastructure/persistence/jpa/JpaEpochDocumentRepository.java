package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import nym.directory.domain.epoch.EpochDocumentRepository;
import nym.directory.domain.epoch.EpochSignature;

/**
 * {@link EpochDocumentRepository} on {@code epoch_document} and {@code epoch_signature} (sql/ V10). Each write is its
 * own short transaction: the instances race to insert, and {@code ON CONFLICT DO NOTHING} lets the first one win
 * without an error for the others.
 */
@ApplicationScoped
public class JpaEpochDocumentRepository implements EpochDocumentRepository {

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    @Transactional
    public boolean insertIfAbsent(long epoch, byte[] body, int builtBy, long builtAt) {
        return em.createNativeQuery("INSERT INTO epoch_document (epoch, body, built_by, built_at) "
                                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (epoch) DO NOTHING")
                        .setParameter(1, epoch)
                        .setParameter(2, body)
                        .setParameter(3, (short) builtBy)
                        .setParameter(4, builtAt)
                        .executeUpdate()
                == 1;
    }

    @Override
    public Optional<byte[]> body(long epoch) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT body FROM epoch_document WHERE epoch = ?1")
                .setParameter(1, epoch)
                .getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    @Override
    public List<EpochSignature> signatures(long epoch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT authority_key, signature, signed_at FROM epoch_signature "
                        + "WHERE epoch = ?1 ORDER BY signed_at, authority_key")
                .setParameter(1, epoch)
                .getResultList();
        return rows.stream()
                .map(r -> new EpochSignature((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    @Override
    @Transactional
    public void addSignature(long epoch, EpochSignature s) {
        em.createNativeQuery("INSERT INTO epoch_signature (epoch, authority_key, signature, signed_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (epoch, authority_key) DO NOTHING")
                .setParameter(1, epoch)
                .setParameter(2, s.authorityKey())
                .setParameter(3, s.signature())
                .setParameter(4, s.signedAt())
                .executeUpdate();
    }

    @Override
    @Transactional
    public int deleteBefore(long epoch) {
        return em.createNativeQuery("DELETE FROM epoch_document WHERE epoch < ?1")
                .setParameter(1, epoch)
                .executeUpdate();
    }
}
