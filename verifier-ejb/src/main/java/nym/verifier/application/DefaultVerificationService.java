package nym.verifier.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.verifier.domain.CredentialCheck;
import nym.verifier.domain.Deposit;
import nym.verifier.domain.Verdict;
import nym.verifier.domain.Vote;
import nym.verifier.domain.VoteOutcome;
import nym.verifier.domain.VoteRepository;
import nym.verifier.domain.VoteSender;

/**
 * Votes once per deposit and authority, in the transaction of the event's delivery. The vote reaches the ledger
 * before the record is written, so a crash in between makes the redelivered event vote again, which the ledger
 * answers DUPLICATE_VOTE: recorded as done.
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

    @Override
    public void onRedeem(Deposit deposit) {
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
        VoteSender.Result result = sender.send(deposit.depositId(), verdict.accept());
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
}
