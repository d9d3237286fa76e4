package nym.verifier.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import nym.verifier.domain.Vote;
import nym.verifier.domain.VoteRepository;

/** {@link VoteRepository} on the {@code verification_vote} table (sql/ V4). */
@ApplicationScoped
public class JpaVoteRepository implements VoteRepository {

    @PersistenceContext(unitName = "verifier")
    private EntityManager em;

    @Override
    public boolean hasVoted(int authority, String depositId) {
        return !em.createNativeQuery("SELECT 1 FROM verification_vote WHERE authority = ?1 AND deposit_id = ?2")
                .setParameter(1, authority)
                .setParameter(2, depositId)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void add(Vote v) {
        // A repeated insert (a redelivery racing an earlier one) keeps the first row: the vote happened once.
        em.createNativeQuery("INSERT INTO verification_vote (authority, deposit_id, event_id, provider, zeta, value, "
                        + "accept, reason, outcome, vote_tx, ledger_log) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                        + "?10, ?11) ON CONFLICT (authority, deposit_id) DO NOTHING")
                .setParameter(1, v.authority())
                .setParameter(2, v.deposit().depositId())
                .setParameter(3, v.deposit().eventId())
                .setParameter(4, v.deposit().provider())
                .setParameter(5, v.deposit().zeta())
                .setParameter(6, v.deposit().value())
                .setParameter(7, v.verdict().accept())
                .setParameter(8, truncate(v.verdict().reason()))
                .setParameter(9, v.outcome().name().toLowerCase(Locale.ROOT))
                .setParameter(10, v.voteTx().orElse(null))
                .setParameter(11, v.ledgerLog().map(JpaVoteRepository::truncate).orElse(null))
                .executeUpdate();
    }

    private static String truncate(String text) {
        return text.length() <= 512 ? text : text.substring(0, 509) + "...";
    }
}
