package nym.provider.infrastructure.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nym.provider.domain.nonce.IssuedNonce;
import nym.provider.domain.spend.DepositStatus;
import nym.provider.domain.spend.Spend;
import nym.provider.domain.spend.SubmittedDeposit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The repositories against the real schema (sql/ V5, V6) on the test PostgreSQL. */
class JdbcRepositoriesTest {

    private static TestDatabase db;
    private static JdbcNonceRepository nonces;
    private static JdbcSpendRepository spends;
    private static byte counter;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void database() throws SQLException {
        db = new TestDatabase();
        nonces = new JdbcNonceRepository(db.dataSource);
        spends = new JdbcSpendRepository(db.dataSource);
    }

    @AfterAll
    static void drop() throws SQLException {
        db.drop();
    }

    private static byte[] fresh(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, ++counter);
        b[0] = (byte) 0x80;
        return b;
    }

    private byte[] issuedNonce(int provider, Duration ttl) {
        byte[] n = fresh(IssuedNonce.BYTES);
        nonces.save(new IssuedNonce(n, provider, now, now.plus(ttl)));
        return n;
    }

    @Test
    void use_issuedNonce_onlyOnce() {
        byte[] n = issuedNonce(1, Duration.ofMinutes(5));
        assertTrue(nonces.use(1, n, now));
        assertFalse(nonces.use(1, n, now));
    }

    @Test
    void use_nonceOfAnotherProviderOrUnknownOrExpired_refused() {
        byte[] n = issuedNonce(1, Duration.ofMinutes(5));
        assertFalse(nonces.use(2, n, now));
        assertFalse(nonces.use(1, fresh(IssuedNonce.BYTES), now));
        assertFalse(nonces.use(1, n, now.plus(Duration.ofMinutes(6))));
        assertTrue(nonces.use(1, n, now), "the refused attempts left it usable");
    }

    @Test
    void deleteExpired_keepsNoncesOfRecordedSpends() {
        byte[] expired = issuedNonce(1, Duration.ofSeconds(1));
        byte[] spent = issuedNonce(1, Duration.ofSeconds(1));
        assertTrue(spends.insertIfAbsent(Spend.submitting(fresh(48), 1, 10, spent, now)));
        assertTrue(nonces.deleteExpired(now.plusSeconds(2)) >= 1);
        assertFalse(nonces.use(1, expired, now), "deleted");
    }

    @Test
    void spend_insertRecordSettle_roundTrip() {
        byte[] zeta = fresh(48);
        byte[] nonce = issuedNonce(1, Duration.ofMinutes(5));
        assertTrue(spends.insertIfAbsent(Spend.submitting(zeta, 1, 20, nonce, now)));
        assertEquals(DepositStatus.SUBMITTING, spends.find(zeta).orElseThrow().status());

        spends.recordDeposit(zeta, "AB".repeat(32), 7);
        Spend pending = spends.find(zeta).orElseThrow();
        assertEquals(DepositStatus.PENDING, pending.status());
        assertEquals("AB".repeat(32), pending.depositId());
        assertEquals(7, pending.depositHeight());
        assertEquals(20, pending.value());
        assertEquals(now, pending.acceptedAt());

        spends.settle(zeta, DepositStatus.ACCEPTED, now.plusSeconds(3));
        Spend settled = spends.find(zeta).orElseThrow();
        assertEquals(DepositStatus.ACCEPTED, settled.status());
        assertEquals(now.plusSeconds(3), settled.settledAt());
        assertTrue(spends.find(fresh(48)).isEmpty());
    }

    @Test
    void spend_submittedResubmittedFailed_roundTrip() {
        byte[] zeta = fresh(48);
        byte[] tx = fresh(120);
        assertTrue(spends.insertIfAbsent(Spend.submitting(zeta, 2, 10, issuedNonce(2, Duration.ofMinutes(5)), now)));

        spends.recordSubmitted(zeta, "CD".repeat(32), tx, now);
        Spend submitted = spends.find(zeta).orElseThrow();
        assertEquals(DepositStatus.SUBMITTED, submitted.status());
        assertEquals("CD".repeat(32), submitted.depositId());
        SubmittedDeposit deposit = spends.submitted(zeta).orElseThrow();
        assertArrayEquals(tx, deposit.signedTx());
        assertEquals(now, deposit.submittedAt());
        assertEquals(0, deposit.resubmissions());
        assertTrue(spends.submittedDeposits(1000).stream().anyMatch(d -> Arrays.equals(d.zeta(), zeta)));

        spends.recordResubmitted(zeta, now.plusSeconds(60));
        assertEquals(1, spends.submitted(zeta).orElseThrow().resubmissions());
        assertEquals(now.plusSeconds(60), spends.submitted(zeta).orElseThrow().submittedAt());

        spends.settle(zeta, DepositStatus.FAILED, now.plusSeconds(120));
        assertEquals(DepositStatus.FAILED, spends.find(zeta).orElseThrow().status());
        assertTrue(spends.submitted(zeta).isEmpty(), "no longer looked at");
    }

    @Test
    void insertIfAbsent_sameZetaAgain_false() {
        byte[] zeta = fresh(48);
        assertTrue(spends.insertIfAbsent(Spend.submitting(zeta, 1, 10, issuedNonce(1, Duration.ofMinutes(1)), now)));
        assertFalse(spends.insertIfAbsent(Spend.submitting(zeta, 2, 10, issuedNonce(2, Duration.ofMinutes(1)), now)));
    }

    @Test
    void insertIfAbsent_concurrentSameZeta_waitsThenRefusedWhenFirstCommits() throws Exception {
        byte[] zeta = fresh(48);
        assertFalse(secondInsertAfterFirst(zeta, true), "the second spend of ζ is refused once the first commits");
        assertEquals(1, spends.find(zeta).orElseThrow().provider());
    }

    @Test
    void insertIfAbsent_concurrentSameZeta_secondRecordedWhenFirstRollsBack() throws Exception {
        byte[] zeta = fresh(48);
        assertTrue(
                secondInsertAfterFirst(zeta, false), "recorded once the first (e.g. refused by the ledger) rolls back");
        assertEquals(2, spends.find(zeta).orElseThrow().provider());
    }

    /**
     * Provider 1 inserts ζ in an open transaction; provider 2's insert of the same ζ, in another, must wait for it;
     * then the first commits or rolls back. Returns whether the second insert recorded ζ.
     */
    private boolean secondInsertAfterFirst(byte[] zeta, boolean firstCommits) throws Exception {
        byte[] n1 = issuedNonce(1, Duration.ofMinutes(1));
        byte[] n2 = issuedNonce(2, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Transaction first = new Transaction(db.dataSource);
                Transaction second = new Transaction(db.dataSource)) {
            assertTrue(
                    new JdbcSpendRepository(first.dataSource()).insertIfAbsent(Spend.submitting(zeta, 1, 10, n1, now)));
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(
                    () -> new JdbcSpendRepository(second.dataSource())
                            .insertIfAbsent(Spend.submitting(zeta, 2, 10, n2, now)),
                    pool);
            assertBlocked(other);
            if (firstCommits) {
                first.commit();
            } else {
                first.rollback();
            }
            boolean recorded = other.get(10, TimeUnit.SECONDS);
            second.commit();
            return recorded;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lockProvider_heldUntilTransactionEnds() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Transaction first = new Transaction(db.dataSource);
                Transaction second = new Transaction(db.dataSource)) {
            new JdbcSpendRepository(first.dataSource()).lockProvider(5, "0x" + "55".repeat(20));
            first.commit(); // the row exists now
            new JdbcSpendRepository(first.dataSource()).lockProvider(5, "0x" + "55".repeat(20));
            CompletableFuture<Void> other = CompletableFuture.runAsync(
                    () -> new JdbcSpendRepository(second.dataSource()).lockProvider(5, "0x" + "55".repeat(20)), pool);
            assertBlocked(other);
            first.commit();
            other.get(10, TimeUnit.SECONDS);
            second.commit();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The other transaction is still waiting on a row lock (checked by its absence of a result, not by timing it). */
    private static void assertBlocked(CompletableFuture<?> other) {
        Executable wait = () -> other.get(500, TimeUnit.MILLISECONDS);
        org.junit.jupiter.api.Assertions.assertThrows(TimeoutException.class, wait);
    }
}
