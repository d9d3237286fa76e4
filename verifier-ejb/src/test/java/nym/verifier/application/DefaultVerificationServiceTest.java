package nym.verifier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import nym.credential.DepositPayload;
import nym.verifier.domain.Deposit;
import nym.verifier.domain.Spender;
import nym.verifier.domain.Vote;
import nym.verifier.domain.VoteOutcome;
import nym.verifier.domain.VoteRepository;
import nym.verifier.domain.VoteSender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultVerificationServiceTest {

    @TempDir
    static Path home;

    /** A network tree as localnet writes it: parameters and the verifiers' vote keys (the Coconut keys are on the ledger). */
    @BeforeAll
    static void writeTree() throws Exception {
        write("coconut/parameters", Spender.DEALER.params.toText());
        for (int i = 1; i <= 3; i++) {
            write("authorities/authority-" + i + "/verifier.key", String.format("%064x", 1000 + i));
        }
    }

    private static void write(String relative, String text) throws Exception {
        Files.createDirectories(home.resolve(relative).getParent());
        Files.writeString(home.resolve(relative), text + "\n");
    }

    /** The table's contract: one vote per (authority, deposit). */
    static final class InMemoryVotes implements VoteRepository {
        final List<Vote> rows = new ArrayList<>();

        @Override
        public boolean hasVoted(int authority, String depositId) {
            return rows.stream()
                    .anyMatch(v -> v.authority() == authority
                            && v.deposit().depositId().equals(depositId));
        }

        @Override
        public void add(Vote vote) {
            if (!hasVoted(vote.authority(), vote.deposit().depositId())) {
                rows.add(vote);
            }
        }
    }

    /**
     * Records what would be sent; answers the scripted outcomes first, then a fixed one, or fails like an unreachable
     * ledger.
     */
    static final class RecordingSender implements VoteSender {
        final List<String> sent = new ArrayList<>();
        final Deque<VoteOutcome> script = new ArrayDeque<>();
        VoteOutcome answer = VoteOutcome.SENT;
        boolean unreachable;

        @Override
        public Result send(String depositId, boolean accept) {
            if (unreachable) {
                throw new IllegalStateException("ledger not reachable");
            }
            sent.add(depositId + (accept ? " accept" : " reject"));
            VoteOutcome answer = script.isEmpty() ? this.answer : script.poll();
            return new Result(answer, "AB".repeat(32), answer == VoteOutcome.SENT ? null : answer.name());
        }
    }

    static VerifierRole role(int authority, Optional<String> networkHome) {
        VerifierRole role = new VerifierRole();
        role.authority = authority;
        role.networkHome = networkHome;
        role.keyEpochs = Spender.keyEpochs();
        role.load();
        return role;
    }

    private final InMemoryVotes votes = new InMemoryVotes();
    private final RecordingSender sender = new RecordingSender();
    /** What the service counted in its metrics: verdict and outcome. */
    private final List<String> counted = new ArrayList<>();
    /** The pauses the service waited before sending a vote again. */
    private final List<Duration> pauses = new ArrayList<>();

    private DefaultVerificationService service(int authority) {
        DefaultVerificationService service = new DefaultVerificationService();
        service.role = role(authority, Optional.of(home.toString()));
        service.votes = votes;
        service.sender = sender;
        service.metrics = (verdict, outcome) -> counted.add((verdict.accept() ? "accept " : "reject ") + outcome);
        service.unknownDepositAttempts = 4;
        service.unknownDepositPauseMillis = 100;
        service.unknownDepositMaxPauseMillis = 300;
        service.pause = pauses::add;
        return service;
    }

    @Test
    void onRedeem_honestDepositDeliveredTwice_oneAcceptVote() throws Exception {
        Deposit deposit = new Spender(5).honestDeposit();
        DefaultVerificationService service = service(1);

        service.onRedeem(deposit);
        service.onRedeem(deposit);

        assertEquals(List.of(deposit.depositId() + " accept"), sender.sent);
        assertEquals(1, votes.rows.size());
        assertTrue(votes.rows.get(0).verdict().accept());
        assertEquals(VoteOutcome.SENT, votes.rows.get(0).outcome());
        assertEquals(List.of("accept SENT"), counted);
    }

    @Test
    void onRedeem_wrongValue_rejectVoteWithReason() throws Exception {
        Deposit honest = new Spender(5).honestDeposit();
        Deposit inflated = Spender.deposit(honest.provider(), honest.zeta(), 50, honest.credential());

        service(2).onRedeem(inflated);

        assertEquals(List.of(inflated.depositId() + " reject"), sender.sent);
        assertTrue(votes.rows.get(0).verdict().reason().contains("does not verify"));
        assertEquals(List.of("reject SENT"), counted);
    }

    @Test
    void onRedeem_credentialOfAKeyEpochThatNeverCompleted_rejectVoteWithReason() throws Exception {
        Deposit unknown = new Spender(5).depositNaming(Spender.KEY_EPOCH + 1);

        service(1).onRedeem(unknown);

        assertEquals(List.of(unknown.depositId() + " reject"), sender.sent);
        assertTrue(
                votes.rows.get(0).verdict().reason().contains("key epoch 3 has not completed"),
                votes.rows.get(0).verdict().reason());
    }

    @Test
    void onRedeem_eachAuthorityVotesOnceOnTheSameDeposit() throws Exception {
        Deposit deposit = new Spender(5).honestDeposit();

        for (int i = 1; i <= 3; i++) {
            service(i).onRedeem(deposit);
            service(i).onRedeem(deposit);
        }

        assertEquals(3, sender.sent.size());
        assertEquals(List.of(1, 2, 3), votes.rows.stream().map(Vote::authority).toList());
    }

    @Test
    void onRedeem_ledgerAlreadySettledOrHasTheVote_recordedAsDone() throws Exception {
        Deposit first = new Spender(5).honestDeposit();
        Deposit second = new Spender(5).honestDeposit();
        DefaultVerificationService service = service(3);

        sender.answer = VoteOutcome.ALREADY_SETTLED;
        service.onRedeem(first);
        sender.answer = VoteOutcome.DUPLICATE_VOTE;
        service.onRedeem(second);
        service.onRedeem(second);

        assertEquals(
                List.of(VoteOutcome.ALREADY_SETTLED, VoteOutcome.DUPLICATE_VOTE),
                votes.rows.stream().map(Vote::outcome).toList());
        assertEquals(2, sender.sent.size());
    }

    @Test
    void onRedeem_nodeLagsBehindTheDeposit_votedAgainAfterGrowingPausesAndRecordedOnceTaken() throws Exception {
        Deposit deposit = new Spender(5).honestDeposit();
        sender.script.addAll(List.of(VoteOutcome.UNKNOWN_DEPOSIT, VoteOutcome.UNKNOWN_DEPOSIT));

        service(1).onRedeem(deposit);

        assertEquals(3, sender.sent.size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), pauses);
        assertEquals(
                List.of(VoteOutcome.SENT),
                votes.rows.stream().map(Vote::outcome).toList());
        assertEquals(List.of("accept SENT"), counted);
    }

    @Test
    void onRedeem_nodeLagsLongerThanTheBound_throwsAndRecordsNothing() throws Exception {
        Deposit deposit = new Spender(5).honestDeposit();
        sender.answer = VoteOutcome.UNKNOWN_DEPOSIT;

        assertThrows(IllegalStateException.class, () -> service(1).onRedeem(deposit));

        assertEquals(4, sender.sent.size(), "bounded");
        assertEquals(
                List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300)),
                pauses,
                "doubling, capped");
        assertTrue(votes.rows.isEmpty(), "not final: the adapter offers the event again later");
        assertTrue(counted.isEmpty());
    }

    @Test
    void onRedeem_ledgerUnreachable_throwsAndRecordsNothing() throws Exception {
        Deposit deposit = new Spender(5).honestDeposit();
        sender.unreachable = true;

        assertThrows(IllegalStateException.class, () -> service(1).onRedeem(deposit));

        assertTrue(votes.rows.isEmpty(), "offered again later: nothing recorded");
    }

    @Test
    void onRedeem_idleRole_noVote() throws Exception {
        DefaultVerificationService service = service(0);

        service.onRedeem(new Spender(5).honestDeposit());

        assertTrue(sender.sent.isEmpty());
        assertEquals("idle: no nym.authority.index", service.role.state());
    }

    @Test
    void onRedeem_roleWithUnreadableKeys_throwsSoTheEventIsOfferedAgain() throws Exception {
        DefaultVerificationService service = service(4);

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> service.onRedeem(new Spender(5).honestDeposit()));

        assertTrue(refused.getMessage().contains("failed: keys of authority 4"), refused.getMessage());
        assertTrue(sender.sent.isEmpty());
        assertTrue(votes.rows.isEmpty(), "nothing recorded: the deposit is voted on once the keys are repaired");
    }

    @Test
    void verifierRole_treeOfTheContract_activeWithItsVoteKey() {
        VerifierRole role = role(2, Optional.of(home.toString()));

        assertTrue(role.check().isPresent());
        assertTrue(role.state().startsWith("active: authority 2, votes as 0x"), role.state());
        assertFalse(role.failed());
    }

    @Test
    void verifierRole_missingKeys_failed() {
        VerifierRole role = role(4, Optional.of(home.toString()));

        assertTrue(role.check().isEmpty());
        assertTrue(role.voteKey().isEmpty());
        assertTrue(role.failed());
        assertTrue(role.state().contains("unreadable"), role.state());
        assertEquals("idle: no nym.network.home", role(1, Optional.empty()).state());
    }

    @Test
    void depositPayload_ofTheHonestDeposit_parses() throws Exception {
        Deposit deposit = new Spender(5).honestDeposit();

        assertEquals(
                deposit.zeta(), DepositPayload.fromBytes(deposit.credential()).zetaHex());
    }
}
