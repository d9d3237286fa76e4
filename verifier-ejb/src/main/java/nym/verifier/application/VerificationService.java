package nym.verifier.application;

import nym.verifier.domain.Deposit;

/** The verifier role: judges the ledger's deposits and votes on each once. */
public interface VerificationService {

    /**
     * Checks the deposit's credential and sends this verifier's vote, unless it voted on the deposit before. An idle
     * role ignores it. A ledger that cannot be reached is an exception (the event is offered again later).
     */
    void onRedeem(Deposit deposit);
}
