package nym.verifier.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.verifier.domain.CredentialCheck;
import nym.verifier.domain.Deposit;
import nym.verifier.domain.UnknownDepositRetry;
import nym.verifier.domain.Verdict;
import nym.verifier.domain.Vote;
import nym.verifier.domain.VoteOutcome;
import nym.verifier.domain.VoteRepository;
import nym.verifier.domain.VoteSender;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Votes once per deposit and authority, in the transaction of the event's delivery. The vote reaches the ledger
 * before the record is written, so a crash in between makes the redelivered event vote again, which the ledger
 * answers DUPLICATE_VOTE: recorded as done.
 *
 * <p>A ledger node that has not seen the deposit's block yet (UNKNOWN_DEPOSIT, e.g. after a fail-over to a lagging
 * validator) has not judged the vote: it is sent again after growing pauses, a bounded number of times, and if the
 * node still lags the delivery fails, so the adapter offers the event again later. It is never recorded as final.
 */
@Stateless
public class DefaultVerificationService implements VerificationService {

    private static final Logger LOG = Logger.getLogger(DefaultVerificationService.class.getName());

    @Inject
    VerifierRole role;

    @Inject
    VoteRepository votes;

    @Inject
    VoteSender sender;

    @Inject
    VerifierMetrics metrics;

    @Inject
    @ConfigProperty(name = "nym.verifier.unknown-deposit-attempts", defaultValue = "5")
    int unknownDepositAttempts;

    @Inject
    @ConfigProperty(name = "nym.verifier.unknown-deposit-pause-millis", defaultValue = "1000")
    long unknownDepositPauseMillis;

    @Inject
    @ConfigProperty(name = "nym.verifier.unknown-deposit-max-pause-millis", defaultValue = "8000")
    long unknownDepositMaxPauseMillis;

    Pause pause = Pause.SLEEP;

    @Override
    public void onRedeem(Deposit deposit) {
        if (role.failed()) {
            // Thrown, not skipped: the adapter offers the deposit again, so a repaired deployment still votes on it.
            throw new IllegalStateException("verifier role " + role.state() + ": " + deposit + " left for later");
        }
        Optional<CredentialCheck> check = role.check();
        if (check.isEmpty()) {
            LOG.fine(() -> "verifier " + role.state() + ", not voting on " + deposit);
            return;
        }
        int authority = role.authority();
        if (votes.hasVoted(authority, deposit.depositId())) {
            LOG.info(() -> "authority " + authority + " already voted on " + deposit);
            return;
        }
        Verdict verdict = check.get().check(deposit);
        VoteSender.Result result = send(deposit, verdict);
        votes.add(new Vote(
                authority,
                deposit,
                verdict,
                result.outcome(),
                Optional.ofNullable(result.txHash()),
                Optional.ofNullable(result.log())));
        metrics.voted(verdict, result.outcome());
        LOG.log(
                result.outcome() == VoteOutcome.REFUSED ? Level.SEVERE : Level.INFO,
                () -> "authority " + authority + " voted " + (verdict.accept() ? "accept" : "reject") + " on "
                        + deposit + " (" + verdict.reason() + "): " + result.outcome()
                        + (result.log() == null ? "" : ", ledger: " + result.log()));
    }

    /** The vote, sent again while the ledger node does not know the deposit yet (within the retry's bound). */
    private VoteSender.Result send(Deposit deposit, Verdict verdict) {
        UnknownDepositRetry retry = new UnknownDepositRetry(
                unknownDepositAttempts,
                Duration.ofMillis(unknownDepositPauseMillis),
                Duration.ofMillis(unknownDepositMaxPauseMillis));
        VoteSender.Result result = sender.send(deposit.depositId(), verdict.accept());
        for (int attempt = 2;
                result.outcome() == VoteOutcome.UNKNOWN_DEPOSIT && attempt <= retry.attempts();
                attempt++) {
            Duration wait = retry.pauseBefore(attempt);
            int next = attempt;
            String log = result.log();
            LOG.warning(() -> "ledger node does not know " + deposit + " yet (" + log + "): vote " + next + " of "
                    + retry.attempts() + " in " + wait.toMillis() + " ms");
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to vote on " + deposit, e);
            }
            result = sender.send(deposit.depositId(), verdict.accept());
        }
        if (result.outcome() == VoteOutcome.UNKNOWN_DEPOSIT) {
            LOG.severe(() -> "ledger node still does not know " + deposit + " after " + retry.attempts()
                    + " votes: nothing recorded, the event is offered again later");
            throw new IllegalStateException("ledger node does not know " + deposit + " yet: " + result.log());
        }
        return result;
    }
}
