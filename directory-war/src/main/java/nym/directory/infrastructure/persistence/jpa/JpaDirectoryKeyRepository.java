package nym.directory.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import nym.directory.domain.key.DirectoryKeyRepository;

/** {@link DirectoryKeyRepository} on {@code directory_key} (sql/ V2). */
@ApplicationScoped
public class JpaDirectoryKeyRepository implements DirectoryKeyRepository {

    @PersistenceContext(unitName = "nym")
    private EntityManager em;

    @Override
    public Optional<byte[]> secret() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT secret_key FROM directory_key WHERE id = 1")
                .getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    @Override
    public void insertIfAbsent(byte[] secret, String publicKey, long now) {
        em.createNativeQuery(
                        "INSERT INTO directory_key (id, secret_key, public_key, created_at) VALUES (1, ?1, ?2, ?3) "
                                + "ON CONFLICT (id) DO NOTHING")
                .setParameter(1, secret)
                .setParameter(2, publicKey)
                .setParameter(3, now)
                .executeUpdate();
    }
}
