package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import nym.directory.api.Keys;
import nym.directory.api.SignedAuthorityAnnouncement;
import nym.directory.domain.authority.AuthorityAnnouncementRepository;
import nym.directory.domain.authority.StoredAnnouncement;

/**
 * {@link AuthorityAnnouncementRepository} on {@code authority_announcement} (sql/ V13). The announcement is stored as
 * its signed bytes, not as base64url text, and encoded again when read: the same bytes, so the same signature.
 */
@ApplicationScoped
public class JpaAuthorityAnnouncementRepository implements AuthorityAnnouncementRepository {

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    @Transactional
    public boolean storeIfNewer(StoredAnnouncement a) {
        return em.createNativeQuery("INSERT INTO authority_announcement "
                                + "(authority_index, announcement, signature, announced_at, received_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (authority_index) DO UPDATE SET "
                                + "announcement = EXCLUDED.announcement, signature = EXCLUDED.signature, "
                                + "announced_at = EXCLUDED.announced_at, received_at = EXCLUDED.received_at "
                                + "WHERE authority_announcement.announced_at < EXCLUDED.announced_at")
                        .setParameter(1, (short) a.index())
                        .setParameter(2, a.signed().announcementBytes())
                        .setParameter(3, a.signed().signature())
                        .setParameter(4, a.announcedAtMillis())
                        .setParameter(5, a.receivedAtMillis())
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<StoredAnnouncement> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT authority_index, announcement, signature, announced_at, "
                        + "received_at FROM authority_announcement ORDER BY authority_index")
                .getResultList();
        return rows.stream()
                .map(r -> new StoredAnnouncement(
                        ((Number) r[0]).intValue(),
                        new SignedAuthorityAnnouncement(Keys.encode((byte[]) r[1]), (String) r[2]),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue()))
                .toList();
    }
}
