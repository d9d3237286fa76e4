package nym.verifier.infrastructure.ledger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxOutcome;
import nym.verifier.domain.VoteOutcome;
import nym.verifier.domain.VoteSender;

/**
 * Reads the ledger's answers (ledger-app/README.md): an account's nonce from {@code /account}, and what a vote's
 * {@code broadcast_tx_commit} came to. Refusal codes of codespace {@code nym}: 8 DUPLICATE_VOTE, 9 ALREADY_SETTLED
 * and 14 DEPOSIT_REJECTED mean the vote has nothing left to do; 13 UNKNOWN_DEPOSIT means the node has not seen the
 * deposit's block yet (the service sends the vote again later); 4 WRONG_NONCE (a vote of this key raced another
 * transaction) and 21 UNAVAILABLE are worth another try, so they are exceptions; the rest is a refusal.
 */
final class VoteAnswers {
    static final int WRONG_NONCE = 4;
    static final int DUPLICATE_VOTE = 8;
    static final int ALREADY_SETTLED = 9;
    static final int UNKNOWN_DEPOSIT = 13;
    static final int DEPOSIT_REJECTED = 14;
    static final int UNAVAILABLE = 21;

    private VoteAnswers() {}

    /** The account's next nonce: 0 for an account the ledger does not know yet. */
    static long nonce(QueryResult account) {
        if (!account.ok()) {
            throw new IllegalStateException("ledger refused the /account query: " + account.log());
        }
        if (account.value() == null || account.value().length == 0) {
            return 0;
        }
        try (JsonReader reader = Json.createReader(new StringReader(account.valueAsString()))) {
            JsonObject o = reader.readObject();
            JsonValue nonce = o.get("nonce");
            if (nonce == null) {
                throw new IllegalStateException("no nonce in the /account answer: " + o);
            }
            return nonce.getValueType() == JsonValue.ValueType.NUMBER
                    ? o.getJsonNumber("nonce").longValueExact()
                    : Long.parseLong(o.getString("nonce"));
        }
    }

    static VoteSender.Result result(CommitResult r) {
        if (r.ok()) {
            return new VoteSender.Result(VoteOutcome.SENT, r.hash(), null);
        }
        TxOutcome failed = r.checkTx().ok() ? r.txResult() : r.checkTx();
        if (failed == null) {
            throw new IllegalStateException("vote " + r.hash() + " passed CheckTx but has no result");
        }
        if (!"nym".equals(failed.codespace())) {
            return new VoteSender.Result(VoteOutcome.REFUSED, r.hash(), failed.codespace() + " " + failed.log());
        }
        return switch (failed.code()) {
            case DUPLICATE_VOTE -> new VoteSender.Result(VoteOutcome.DUPLICATE_VOTE, r.hash(), failed.log());
            case ALREADY_SETTLED, DEPOSIT_REJECTED ->
                new VoteSender.Result(VoteOutcome.ALREADY_SETTLED, r.hash(), failed.log());
            case UNKNOWN_DEPOSIT -> new VoteSender.Result(VoteOutcome.UNKNOWN_DEPOSIT, r.hash(), failed.log());
            case WRONG_NONCE, UNAVAILABLE ->
                throw new IllegalStateException("vote " + r.hash() + " not taken, to retry: " + failed.log());
            default -> new VoteSender.Result(VoteOutcome.REFUSED, r.hash(), failed.log());
        };
    }
}
