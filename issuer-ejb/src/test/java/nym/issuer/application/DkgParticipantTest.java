package nym.issuer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nym.coconut.RandomSource;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.Issuance;
import nym.coconut.verification.SignatureVerification;
import nym.issuer.domain.BlindSigner;
import nym.issuer.domain.EpochDealings;
import nym.issuer.domain.Holder;
import nym.issuer.domain.IssuerKeys;
import nym.issuer.domain.PartialCredential;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three authorities (t = 2) run key epochs against {@link InMemoryDkgLedger} with the real DKG objects. */
class DkgParticipantTest {
    private static final int N = 3;
    private static final int T = 2;

    @TempDir
    Path home;

    private Authorities authorities;
    private InMemoryDkgLedger ledger;
    private final List<IssuerRole> roles = new ArrayList<>();
    private final List<RecordingMetrics> metrics = new ArrayList<>();

    @BeforeEach
    void network() throws Exception {
        authorities = new Authorities(home, N, 7);
        ledger = new InMemoryDkgLedger(Holder.PARAMS, T, authorities.registered());
        for (int i = 1; i <= N; i++) {
            roles.add(authorities.role(i));
            metrics.add(new RecordingMetrics());
        }
    }

    /** A fresh participant for authority i (a new process would have one), over that authority's role. */
    private DkgParticipant participant(int i) {
        DkgParticipant p = new DkgParticipant();
        p.role = roles.get(i - 1);
        p.ledger = ledger.as(i);
        p.metrics = metrics.get(i - 1);
        p.rng = RandomSource.deterministic(100 + i);
        return p;
    }

    private void roundOfEveryone() {
        for (int i = 1; i <= N; i++) {
            participant(i).round();
        }
    }

    @Test
    void round_dealingPhase_dealsOnceEvenAfterRestart() {
        ledger.begin();
        DkgParticipant first = participant(1);

        first.round();
        first.round();
        participant(1).round();

        assertEquals(Set.of(1), ledger.dealers(1));
        assertEquals(1, ledger.submissions, "the dealing on the ledger is not dealt again, not even after a restart");
        assertEquals(1, metrics.get(0).dealt);
        assertEquals(1, metrics.get(0).keyEpoch);
    }

    @Test
    void round_beforeCompletion_waitingNotFailed() {
        IssuerRole role = roles.get(0);
        participant(1).round();
        assertEquals("waiting for key generation (no key epoch on the ledger yet)", role.state());

        ledger.begin();
        participant(1).round();

        assertEquals("waiting for key generation (key epoch 1, phase dealing)", role.state());
        assertEquals(IssuerRole.Mode.WAITING, role.mode());
        assertFalse(role.failed());
        assertTrue(role.keys().isEmpty());
    }

    @Test
    void round_complaintsPhase_complainsExactlyAboutTheBadDealing() throws Exception {
        ledger.begin();
        participant(1).round();
        participant(2).round();
        ledger.storeDealing(3, dealingWithAWrongKeyFor(1, 3));
        ledger.closeDealing();

        roundOfEveryone();
        roundOfEveryone();
        participant(1).round();

        assertEquals(Set.of(new EpochDealings.Complaint(3, 1)), ledger.complaints(1));
        assertEquals(1, metrics.get(0).complained);
        assertEquals(0, metrics.get(1).complained, "dealer 3's share for authority 2 is good");
        assertEquals(2 + 1, ledger.submissions, "two dealings and one complaint, none sent twice");
    }

    @Test
    void round_complaintRefused_triedAgainNextRound() throws Exception {
        ledger.begin();
        participant(1).round();
        participant(2).round();
        ledger.storeDealing(3, dealingWithAWrongKeyFor(1, 3));
        ledger.closeDealing();
        ledger.refuseComplaints = 1;

        participant(1).round();
        assertEquals(Set.of(), ledger.complaints(1));
        participant(1).round();

        assertEquals(Set.of(new EpochDealings.Complaint(3, 1)), ledger.complaints(1));
        assertEquals(1, metrics.get(0).complained);
    }

    @Test
    void round_completed_installsTheShareThatVerifiesUnderTheLedgersKeyShare() throws Exception {
        ledger.begin();
        participant(1).round();
        participant(2).round();
        ledger.storeDealing(3, dealingWithAWrongKeyFor(1, 3));
        ledger.closeDealing();
        roundOfEveryone();
        ledger.finish();

        roundOfEveryone();

        for (int i = 1; i <= N; i++) {
            IssuerRole role = roles.get(i - 1);
            assertEquals("active: authority " + i + ", key epoch 1", role.state());
            IssuerKeys keys = role.keys().orElseThrow();
            assertEquals(ledger.share(1, i), keys.share());
            assertEquals(List.of(1L), metrics.get(i - 1).installed);
            Holder holder = new Holder(10);
            PartialCredential partial = new BlindSigner(keys).sign(holder.recorded(10, 1));
            SignatureVerification.verifyShare(
                    Holder.PARAMS,
                    ledger.share(1, i).key(),
                    holder.token,
                    Issuance.unblind(
                            BlindedSignature.fromText(partial.blindedSignature().orElseThrow()), holder.elGamal));
        }
    }

    @Test
    void round_laterEpochDealing_installsTheLatestCompletedFromTheLedgerAndDeals() throws Exception {
        ledger.begin();
        roundOfEveryone();
        ledger.closeDealing();
        ledger.finish();
        ledger.begin();
        int before = ledger.submissions;

        participant(2).round();

        assertEquals(2, roles.get(1).keys().orElseThrow().authority());
        assertEquals(1, roles.get(1).keys().orElseThrow().keyEpoch(), "the latest completed, while key epoch 2 deals");
        assertEquals(before + 1, ledger.submissions, "and it deals in key epoch 2");
    }

    @Test
    void round_ledgersShareDiffers_roleFailsAndInstallsNothing() throws Exception {
        ledger.begin();
        roundOfEveryone();
        ledger.closeDealing();
        ledger.finish();
        ledger.replaceShare(1, 2);

        participant(1).round();

        IssuerRole role = roles.get(0);
        assertTrue(role.failed());
        assertTrue(role.keys(1).isEmpty());
        assertTrue(role.state().contains("does not match the ledger's verification key share"), role.state());
    }

    @Test
    void round_failedEpoch_neverHeld() throws Exception {
        ledger.begin();
        participant(1).round();
        ledger.closeDealing();
        ledger.finish();

        participant(1).round();

        assertTrue(roles.get(0).neverHeld(1).isPresent());
        assertFalse(roles.get(0).failed());
    }

    /** Dealer {@code dealer}'s dealing, encrypted for {@code victim} under a key that is not the victim's. */
    private Dealing wrongFor(int victim, int dealer) throws Exception {
        List<DkgPublicKey> recipients = new ArrayList<>(authorities.registered());
        recipients.set(
                victim - 1, DkgKeyPair.generate(RandomSource.deterministic(9)).publicKey());
        return Dealing.deal(
                Holder.PARAMS,
                T,
                recipients,
                new DealingContext(InMemoryDkgLedger.CHAIN, 1, dealer),
                RandomSource.deterministic(10));
    }

    private byte[] dealingWithAWrongKeyFor(int victim, int dealer) throws Exception {
        return wrongFor(victim, dealer).toBytes();
    }
}
