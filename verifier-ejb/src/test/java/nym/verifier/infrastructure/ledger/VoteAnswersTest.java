package nym.verifier.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxOutcome;
import nym.verifier.domain.VoteOutcome;
import nym.verifier.domain.VoteSender;
import org.junit.jupiter.api.Test;

class VoteAnswersTest {
    private static final String HASH = "CD".repeat(32);
    private static final TxOutcome OK = new TxOutcome(0, "", "", List.of());

    private static TxOutcome refused(int code) {
        return new TxOutcome(code, "nym", "KIND: reason " + code, List.of());
    }

    private static QueryResult account(String json) {
        return new QueryResult(0, "", "", 5, new byte[20], json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nonce_ledgersAccountAnswer_itsNonce() {
        assertEquals(7, VoteAnswers.nonce(account("{\"address\":\"0x00\",\"balance\":\"0\",\"nonce\":\"7\"}")));
        assertEquals(3, VoteAnswers.nonce(account("{\"nonce\":3}")));
        assertEquals(0, VoteAnswers.nonce(account(null)), "an account the ledger does not know yet");
        assertThrows(IllegalStateException.class, () -> VoteAnswers.nonce(account("{\"balance\":\"1\"}")));
        assertThrows(
                IllegalStateException.class,
                () -> VoteAnswers.nonce(new QueryResult(18, "nym", "BAD_QUERY", 5, null, null)));
    }

    @Test
    void result_committed_sent() {
        assertEquals(
                VoteOutcome.SENT,
                VoteAnswers.result(new CommitResult(HASH, 9, OK, OK)).outcome());
    }

    @Test
    void result_duplicateSettledOrRejected_nothingLeftToDo() {
        assertEquals(
                VoteOutcome.DUPLICATE_VOTE,
                VoteAnswers.result(new CommitResult(HASH, 0, refused(8), null)).outcome());
        assertEquals(
                VoteOutcome.ALREADY_SETTLED,
                VoteAnswers.result(new CommitResult(HASH, 0, refused(9), null)).outcome());
        assertEquals(
                VoteOutcome.ALREADY_SETTLED,
                VoteAnswers.result(new CommitResult(HASH, 9, OK, refused(14))).outcome());
    }

    @Test
    void result_unknownDeposit_notAFinalRefusal() {
        VoteSender.Result lagging = VoteAnswers.result(new CommitResult(HASH, 0, refused(13), null));

        assertEquals(VoteOutcome.UNKNOWN_DEPOSIT, lagging.outcome());
        assertEquals("KIND: reason 13", lagging.log());
    }

    @Test
    void result_wrongNonceOrUnavailable_retried() {
        assertThrows(
                IllegalStateException.class, () -> VoteAnswers.result(new CommitResult(HASH, 0, refused(4), null)));
        assertThrows(
                IllegalStateException.class, () -> VoteAnswers.result(new CommitResult(HASH, 0, refused(21), null)));
    }

    @Test
    void result_unknownVerifierOrOtherCodespace_refusedWithTheLog() {
        VoteSender.Result unknownVerifier = VoteAnswers.result(new CommitResult(HASH, 0, refused(7), null));
        assertEquals(VoteOutcome.REFUSED, unknownVerifier.outcome());
        assertEquals("KIND: reason 7", unknownVerifier.log());
        assertEquals(
                VoteOutcome.REFUSED,
                VoteAnswers.result(new CommitResult(HASH, 0, new TxOutcome(8, "sdk", "x", List.of()), null))
                        .outcome());
    }
}
