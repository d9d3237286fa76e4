package nym.verifier.application;

import nym.verifier.domain.Verdict;
import nym.verifier.domain.VoteOutcome;

/** What this verifier voted, counted for operators (MicroProfile Metrics in the server, a recorder in tests). */
public interface VerifierMetrics {

    void voted(Verdict verdict, VoteOutcome outcome);
}
