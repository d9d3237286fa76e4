package nym.provider.application;

import static nym.provider.application.CredentialCheckTest.KEY_EPOCH;
import static nym.provider.application.CredentialCheckTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.coconut.CoconutException;
import nym.credential.CompletedKeyEpoch;
import nym.credential.DepositPayload;
import nym.credential.testing.DealerCredentials;
import nym.credential.testing.DealerCredentials.Credential;
import nym.credential.testing.ScriptedKeyEpochs;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.CredentialDeposit;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.ledger.LedgerUnavailable;
import nym.provider.domain.nonce.IssuedNonce;
import nym.provider.domain.nonce.NonceRepository;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.provider.ProviderRegistry;
import nym.provider.domain.spend.DepositStatus;
import nym.provider.domain.spend.Spend;
import nym.provider.domain.spend.SpendRepository;
import nym.provider.domain.spend.SubmittedDeposit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spend decision with real Coconut credentials, in-memory repositories and a scripted ledger. */
class SpendServiceTest {

    private static DealerCredentials coconut;
    private static ScriptedKeyEpochs keyEpochs;
    private static CredentialCheck check;

    private final Provider one = new Provider(1, Secp256k1.KeyPair.fromSeed("provider-1"));
    private final Provider two = new Provider(2, Secp256k1.KeyPair.fromSeed("provider-2"));
    private final MemoryNonces nonceRepository = new MemoryNonces();
    private final MemorySpends spendRepository = new MemorySpends();
    private final ScriptedLedger ledger = new ScriptedLedger();
    private final NonceService nonces = new NonceService();
    private final SpendService service = new SpendService();
    private final SpendStatusService statuses = new SpendStatusService();
    private final DepositReconciler reconciler = new DepositReconciler();
    private final MovableClock clock = new MovableClock();

    @BeforeAll
    static void keys() throws CoconutException {
        coconut = new DealerCredentials(7, 1, KEY_EPOCH);
        keyEpochs = CredentialCheckTest.keyEpochsOf(coconut);
        check = CredentialCheckTest.checkOver(coconut, keyEpochs);
    }

    @BeforeEach
    void wire() {
        ProviderSettings settings = new ProviderSettings();
        settings.nonceTtlSeconds = 300;
        settings.depositLookupSeconds = 60;
        settings.depositResubmissions = 2;
        settings.clock = clock;
        ProviderRegistry registry = new ProviderRegistry() {
            @Override
            public List<Provider> all() {
                return List.of(one, two);
            }

            @Override
            public Optional<Provider> byIndex(int index) {
                return all().stream().filter(p -> p.index() == index).findFirst();
            }
        };
        nonces.nonces = nonceRepository;
        nonces.providers = registry;
        nonces.settings = settings;
        DepositSubmitter submitter = new DepositSubmitter();
        submitter.spends = spendRepository;
        submitter.ledger = ledger;
        submitter.settings = settings;
        service.providers = registry;
        service.nonces = nonces;
        service.keys = () -> check;
        service.ledger = ledger;
        service.deposits = submitter;
        statuses.spends = spendRepository;
        statuses.ledger = ledger;
        statuses.settings = settings;
        statuses.reconciler = reconciler;
        reconciler.spends = spendRepository;
        reconciler.ledger = ledger;
        reconciler.providers = registry;
        reconciler.settings = settings;
    }

    private SpendRequest showTo(Provider p, Credential c) throws CoconutException {
        byte[] nonce = nonces.issue(p.index()).nonce();
        return new SpendRequest(
                p.index(), KEY_EPOCH, coconut.show(c, p.binding(), nonce), c.value(), p.binding(), nonce);
    }

    @Test
    void spend_honestCredential_acceptedAndDepositSignedByProvider() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        SpendRequest request = showTo(one, c);

        Spend spend = service.spend(request);

        assertEquals(DepositStatus.PENDING, spend.status());
        assertEquals(10, spend.value());
        assertEquals(1, ledger.submitted.size());
        Transaction tx = Transaction.decode(ledger.submitted.get(0));
        assertArrayEquals(one.account().address(), tx.sender());
        CredentialDeposit deposit = tx.body().getCredentialDeposit();
        assertEquals(10, deposit.getValue());
        assertArrayEquals(spend.zeta(), deposit.getZeta().toByteArray());
        DepositPayload payload =
                DepositPayload.fromBytes(deposit.getCredential().toByteArray());
        assertArrayEquals(request.nonce(), payload.nonce());
        assertEquals(KEY_EPOCH, payload.keyEpoch());
        assertArrayEquals(request.theta().toBytes(), payload.theta().toBytes());
    }

    @Test
    void spend_sameCredentialAgainSameProvider_refusedDoubleSpend() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        service.spend(showTo(one, c));
        SpendRequest again = showTo(one, c);
        assertRefused(Reason.DOUBLE_SPEND, () -> service.spend(again));
        assertEquals(1, ledger.submitted.size());
    }

    @Test
    void spend_sameCredentialAtAnotherProvider_refusedDoubleSpend() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        service.spend(showTo(one, c));
        SpendRequest atTwo = showTo(two, c);
        assertRefused(Reason.DOUBLE_SPEND, () -> service.spend(atTwo));
        assertEquals(1, ledger.submitted.size());
    }

    @Test
    void spend_zetaPendingOnLedger_refusedDoubleSpendWithoutDeposit() throws Exception {
        SpendRequest request = showTo(one, coconut.issue(KEY_EPOCH, 10));
        ledger.zetaStatus = "pending";
        assertRefused(Reason.DOUBLE_SPEND, () -> service.spend(request));
        assertTrue(ledger.submitted.isEmpty());
        assertTrue(spendRepository.rows.isEmpty());
    }

    @Test
    void spend_nonceUsedTwice_refusedNonceInvalid() throws Exception {
        SpendRequest request = showTo(one, coconut.issue(KEY_EPOCH, 10));
        nonceRepository.use(1, request.nonce(), Instant.now());
        assertRefused(Reason.NONCE_INVALID, () -> service.spend(request));
    }

    @Test
    void spend_nonceOfAnotherProvider_refusedNonceInvalid() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        byte[] nonceOfTwo = nonces.issue(2).nonce();
        SpendRequest request = new SpendRequest(
                1, KEY_EPOCH, coconut.show(c, one.binding(), nonceOfTwo), 10, one.binding(), nonceOfTwo);
        assertRefused(Reason.NONCE_INVALID, () -> service.spend(request));
    }

    @Test
    void spend_bindingOfAnotherProvider_refusedWrongProvider() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        byte[] nonce = nonces.issue(1).nonce();
        SpendRequest request =
                new SpendRequest(1, KEY_EPOCH, coconut.show(c, two.binding(), nonce), 10, two.binding(), nonce);
        assertRefused(Reason.WRONG_PROVIDER, () -> service.spend(request));
    }

    @Test
    void spend_provenForAnotherProviderButClaimingThisOne_refusedInvalidCredential() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        byte[] nonce = nonces.issue(1).nonce();
        SpendRequest request =
                new SpendRequest(1, KEY_EPOCH, coconut.show(c, two.binding(), nonce), 10, one.binding(), nonce);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> service.spend(request));
        assertTrue(ledger.submitted.isEmpty());
    }

    @Test
    void spend_wrongValue_refusedInvalidCredential() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        byte[] nonce = nonces.issue(1).nonce();
        SpendRequest request =
                new SpendRequest(1, KEY_EPOCH, coconut.show(c, one.binding(), nonce), 20, one.binding(), nonce);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> service.spend(request));
    }

    @Test
    void spend_refusedCredential_usesTheNonceAnyway() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        byte[] nonce = nonces.issue(1).nonce();
        SpendRequest wrong =
                new SpendRequest(1, KEY_EPOCH, coconut.show(c, one.binding(), nonce), 20, one.binding(), nonce);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> service.spend(wrong));
        SpendRequest right =
                new SpendRequest(1, KEY_EPOCH, coconut.show(c, one.binding(), nonce), 10, one.binding(), nonce);
        assertRefused(Reason.NONCE_INVALID, () -> service.spend(right));
    }

    @Test
    void spend_unknownProvider_refused() throws Exception {
        Credential c = coconut.issue(KEY_EPOCH, 10);
        SpendRequest request = new SpendRequest(
                9, KEY_EPOCH, coconut.show(c, one.binding(), new byte[32]), 10, one.binding(), new byte[32]);
        assertRefused(Reason.UNKNOWN_PROVIDER, () -> service.spend(request));
    }

    @Test
    void spend_ledgerRefusesDeposit_refusedAndNothingKept() throws Exception {
        SpendRequest request = showTo(one, coconut.issue(KEY_EPOCH, 10));
        ledger.refuseWith = Ledger.Submission.DOUBLE_SPEND;
        assertRefused(Reason.DOUBLE_SPEND, () -> service.spend(request));
        ledger.refuseWith = 5;
        SpendRequest other = showTo(one, coconut.issue(KEY_EPOCH, 10));
        assertRefused(Reason.LEDGER_REFUSED, () -> service.spend(other));
    }

    @Test
    void spend_ledgerDown_refusedUnavailable() throws Exception {
        SpendRequest request = showTo(one, coconut.issue(KEY_EPOCH, 10));
        ledger.down = true;
        assertRefused(Reason.LEDGER_UNAVAILABLE, () -> service.spend(request));
    }

    @Test
    void spend_depositsOfOneProvider_carryConsecutiveAccountNonces() throws Exception {
        service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));
        service.spend(showTo(one, coconut.issue(KEY_EPOCH, 5)));
        assertEquals(0, Transaction.decode(ledger.submitted.get(0)).body().getNonce());
        assertEquals(1, Transaction.decode(ledger.submitted.get(1)).body().getNonce());
    }

    @Test
    void status_depositSettledOnLedger_recordedAsSettled() throws Exception {
        Spend spend = service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));
        assertEquals(
                DepositStatus.PENDING, statuses.status(1, spend.zeta()).spend().status());
        ledger.depositStatus = "accepted";
        assertEquals(
                DepositStatus.ACCEPTED, statuses.status(1, spend.zeta()).spend().status());
        ledger.depositStatus = "pending"; // settled here: the ledger is not asked again
        assertEquals(
                DepositStatus.ACCEPTED, statuses.status(1, spend.zeta()).spend().status());
        assertRefused(Reason.UNKNOWN_SPEND, () -> statuses.status(2, spend.zeta()));
    }

    @Test
    void spend_answerLostAfterTheDepositWasCommitted_submittedThenFoundPendingWithoutASecondDeposit() throws Exception {
        ledger.answers = Answers.LOST_AFTER_COMMIT;

        Spend spend = service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));

        assertEquals(DepositStatus.SUBMITTED, spend.status());
        assertEquals(Hex.upper(Transaction.sha256(ledger.submitted.get(0))), spend.depositId(), "hash known unsent");
        ledger.answers = Answers.NORMAL;
        Spend found = statuses.status(1, spend.zeta()).spend();
        assertEquals(DepositStatus.PENDING, found.status());
        assertEquals(1, found.depositHeight());
        assertEquals(spend.depositId(), found.depositId());
        assertEquals(1, ledger.submitted.size(), "found by its hash: not sent again");
    }

    @Test
    void reconcile_depositNeverArrived_sameBytesSentAgainAfterTheDeadlineOnly() throws Exception {
        ledger.answers = Answers.LOST_BEFORE_COMMIT;
        Spend spend = service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));
        byte[] sent = ledger.sent.get(0);
        ledger.answers = Answers.NORMAL;

        assertEquals(DepositStatus.SUBMITTED, reconciler.reconcile(spend.zeta()), "within the deadline: waits");
        assertTrue(ledger.submitted.isEmpty());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(DepositStatus.PENDING, reconciler.reconcile(spend.zeta()));

        assertEquals(1, ledger.submitted.size());
        assertArrayEquals(sent, ledger.submitted.get(0), "the same signed bytes, so the same deposit id");
        assertEquals(
                spend.depositId(),
                spendRepository.find(spend.zeta()).orElseThrow().depositId());
    }

    @Test
    void reconcile_depositNeverFoundAfterTheResubmissions_failed() throws Exception {
        ledger.answers = Answers.LOST_BEFORE_COMMIT;
        Spend spend = service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));

        for (int round = 1; round <= 2; round++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(DepositStatus.SUBMITTED, reconciler.reconcile(spend.zeta()), "resubmission " + round);
        }
        clock.advance(Duration.ofSeconds(61));

        assertEquals(DepositStatus.FAILED, reconciler.reconcile(spend.zeta()));
        assertEquals(3, ledger.sent.size(), "sent once and resubmitted twice, never committed");
        assertEquals(
                DepositStatus.FAILED, statuses.status(1, spend.zeta()).spend().status());
    }

    @Test
    void reconcile_depositRefusedInItsBlock_failed() throws Exception {
        ledger.answers = Answers.LOST_AFTER_COMMIT;
        ledger.blockRefusesWith = Ledger.Submission.DOUBLE_SPEND;
        Spend spend = service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));
        ledger.answers = Answers.NORMAL;

        assertEquals(DepositStatus.FAILED, reconciler.reconcile(spend.zeta()));
    }

    @Test
    void status_ledgerDownWhileSubmitted_answersSubmitted() throws Exception {
        ledger.answers = Answers.LOST_AFTER_COMMIT;
        Spend spend = service.spend(showTo(one, coconut.issue(KEY_EPOCH, 10)));
        ledger.down = true;

        assertEquals(
                DepositStatus.SUBMITTED,
                statuses.status(1, spend.zeta()).spend().status());
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** In-memory {@link NonceRepository} with the same rules as the SQL one. */
    static final class MemoryNonces implements NonceRepository {
        final Map<String, IssuedNonce> issued = new HashMap<>();
        final Map<String, Instant> used = new HashMap<>();

        @Override
        public void save(IssuedNonce n) {
            issued.put(Hex.lower(n.nonce()), n);
        }

        @Override
        public boolean use(int provider, byte[] nonce, Instant now) {
            IssuedNonce n = issued.get(Hex.lower(nonce));
            if (n == null || n.provider() != provider || !n.expiresAt().isAfter(now)) {
                return false;
            }
            return used.putIfAbsent(Hex.lower(nonce), now) == null;
        }

        @Override
        public int deleteExpired(Instant before) {
            return 0;
        }
    }

    /** In-memory {@link SpendRepository}; without transactions, a refused deposit's row is removed by hand. */
    static final class MemorySpends implements SpendRepository {
        final Map<String, Spend> rows = new HashMap<>();
        final Map<String, SubmittedDeposit> submitted = new HashMap<>();

        @Override
        public void lockProvider(int provider, String address) {}

        @Override
        public boolean insertIfAbsent(Spend spend) {
            return rows.putIfAbsent(Hex.lower(spend.zeta()), spend) == null;
        }

        @Override
        public void recordDeposit(byte[] zeta, String depositId, long height) {
            withDeposit(zeta, depositId, height, DepositStatus.PENDING);
        }

        private Spend withDeposit(byte[] zeta, String depositId, long height, DepositStatus status) {
            Spend s = rows.get(Hex.lower(zeta));
            rows.put(
                    Hex.lower(zeta),
                    new Spend(
                            zeta, s.provider(), s.value(), s.nonce(), s.acceptedAt(), depositId, height, status, null));
            return s;
        }

        @Override
        public void recordSubmitted(byte[] zeta, String depositId, byte[] signedTx, Instant at) {
            Spend s = withDeposit(zeta, depositId, 0, DepositStatus.SUBMITTED);
            submitted.put(Hex.lower(zeta), new SubmittedDeposit(zeta, s.provider(), depositId, signedTx, at, 0));
        }

        @Override
        public Optional<SubmittedDeposit> submitted(byte[] zeta) {
            return find(zeta)
                    .filter(s -> s.status() == DepositStatus.SUBMITTED)
                    .map(s -> submitted.get(Hex.lower(zeta)));
        }

        @Override
        public List<SubmittedDeposit> submittedDeposits(int limit) {
            return rows.keySet().stream()
                    .map(HexFormat.of()::parseHex)
                    .flatMap(z -> submitted(z).stream())
                    .limit(limit)
                    .toList();
        }

        @Override
        public void recordResubmitted(byte[] zeta, Instant at) {
            SubmittedDeposit d = submitted.get(Hex.lower(zeta));
            submitted.put(
                    Hex.lower(zeta),
                    new SubmittedDeposit(zeta, d.provider(), d.depositId(), d.signedTx(), at, d.resubmissions() + 1));
        }

        @Override
        public Optional<Spend> find(byte[] zeta) {
            return Optional.ofNullable(rows.get(Hex.lower(zeta)));
        }

        @Override
        public void settle(byte[] zeta, DepositStatus status, Instant at) {
            Spend s = rows.get(Hex.lower(zeta));
            rows.put(
                    Hex.lower(zeta),
                    new Spend(
                            zeta,
                            s.provider(),
                            s.value(),
                            s.nonce(),
                            s.acceptedAt(),
                            s.depositId(),
                            s.depositHeight(),
                            status,
                            at));
        }
    }

    /** How the scripted ledger answers a broadcast. */
    enum Answers {
        NORMAL,
        /** The deposit is committed, then the connection drops before the answer (a timeout, a reset). */
        LOST_AFTER_COMMIT,
        /** The connection drops after sending, and the deposit never reaches a block. */
        LOST_BEFORE_COMMIT
    }

    /** A ledger whose answers the test sets; it keeps what was sent and what was committed (in a block each). */
    final class ScriptedLedger implements Ledger {
        /** Every broadcast, whatever became of it. */
        final List<byte[]> sent = new ArrayList<>();
        /** The committed transactions, block i+1 holding the i-th. */
        final List<byte[]> submitted = new ArrayList<>();

        final Map<String, Long> nonces = new HashMap<>();
        String zetaStatus = "unspent";
        String depositStatus = "pending";
        int refuseWith;
        int blockRefusesWith;
        Answers answers = Answers.NORMAL;
        boolean down;

        @Override
        public String chainId() {
            return "test-chain";
        }

        @Override
        public Optional<CompletedKeyEpoch> latestCompleted() {
            up();
            return keyEpochs.latestCompleted();
        }

        @Override
        public Optional<CompletedKeyEpoch> completed(long keyEpoch) {
            up();
            return keyEpochs.completed(keyEpoch);
        }

        @Override
        public ZetaState zeta(byte[] zeta) {
            up();
            return new ZetaState(zetaStatus, null);
        }

        @Override
        public long accountNonce(byte[] address) {
            up();
            return nonces.getOrDefault(Hex.lower(address), 0L);
        }

        @Override
        public Submission submit(byte[] signedTx) {
            up();
            if (refuseWith != 0) {
                spendRepository.rows.values().removeIf(s -> s.depositId() == null); // what the rollback does
                return new Submission("AB", 0, refuseWith, "refused by the script");
            }
            sent.add(signedTx);
            if (answers == Answers.LOST_BEFORE_COMMIT) {
                throw new LedgerUnavailable("connection reset after sending", null);
            }
            submitted.add(signedTx);
            byte[] sender = Transaction.decode(signedTx).sender();
            nonces.merge(Hex.lower(sender), 1L, Long::sum);
            if (answers == Answers.LOST_AFTER_COMMIT) {
                throw new LedgerUnavailable("TIMEOUT: no answer", null);
            }
            return new Submission(Hex.upper(Transaction.sha256(signedTx)), submitted.size(), 0, "");
        }

        @Override
        public Optional<Submission> transaction(String hash) {
            up();
            for (int i = 0; i < submitted.size(); i++) {
                if (Hex.upper(Transaction.sha256(submitted.get(i))).equals(hash)) {
                    return Optional.of(new Submission(hash, i + 1, blockRefusesWith, "refused in the block"));
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<DepositState> deposit(String depositId) {
            return Optional.of(new DepositState(depositStatus, 0, 0, 1));
        }

        private void up() {
            if (down) {
                throw new LedgerUnavailable("scripted outage", null);
            }
        }
    }
}
