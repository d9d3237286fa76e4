package nym.verifier.domain;

import java.time.Duration;

/**
 * How often, and after which pauses, a vote the ledger answered {@link VoteOutcome#UNKNOWN_DEPOSIT} is sent again
 * within one delivery: the pause doubles from {@code firstPause} up to {@code maxPause}. Bounded because the delivery
 * holds its transaction (and the verifier's event stream) meanwhile; once spent the event is offered again later.
 *
 * @param attempts votes sent at most, the first one included (at least 1)
 */
public record UnknownDepositRetry(int attempts, Duration firstPause, Duration maxPause) {

    public UnknownDepositRetry {
        if (attempts < 1 || firstPause.isNegative() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("retry needs attempts >= 1 and 0 <= first pause <= max pause: "
                    + attempts + ", " + firstPause + ", " + maxPause);
        }
    }

    /** The pause before attempt {@code attempt} (2 = the first retry). */
    public Duration pauseBefore(int attempt) {
        Duration pause = firstPause;
        for (int i = 2; i < attempt && pause.compareTo(maxPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxPause) < 0 ? pause : maxPause;
    }
}
