package nym.monitor;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.rpc.TransactionLedger;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;
import nym.ledger.tx.proto.LedgerProto;

/**
 * Sends one epoch's {@code MonitorReport}, signed by the monitor's key with its account's next nonce (from {@code
 * /account}). An answer lost on the way (the node timed out, the connection broke) does not mean the report is not in
 * a block: like the gateway's Redeemer, the monitor then looks the transaction up by its hash, a few times, and only
 * when no block holds it sends the <em>same bytes</em> again (the same nonce, so the report can land once only). A
 * report refused for its nonce before any block saw it is signed again with the next one; any other refusal is final
 * and carries the ledger's reason. Nothing is sent again once the ledger no longer accepts the epoch's reports (its
 * settlement, start + 5L/8).
 */
public final class ReportSubmitter {

    /** The ledger's refusal code for a transaction whose account nonce is not the next one. */
    static final int WRONG_NONCE = 4;
    /** Sendings of one report's bytes at most (the first and the resends after a lost answer). */
    static final int MAX_SENDINGS = 3;
    /** Look-ups after a lost answer before the same bytes are sent again. */
    static final int LOOKUPS = 4;
    /** Between two look-ups: a block or two. */
    static final Duration LOOKUP_EVERY = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(ReportSubmitter.class.getName());

    /** How the submitter waits between look-ups (a no-op in the tests). */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What became of a report. */
    public record Outcome(Status status, String hash, long height, int code, String reason) {
        public enum Status {
            /** In a block and accepted. */
            COMMITTED,
            /** The ledger said no ({@code reason}: its log). */
            REFUSED,
            /** No answer and no block found holding it. */
            UNKNOWN
        }

        public String summary() {
            return switch (status) {
                case COMMITTED -> "tx " + hash + " committed at height " + height;
                case REFUSED -> "tx " + hash + " REFUSED (code " + code + "): " + reason;
                case UNKNOWN -> "tx " + hash + " fate UNKNOWN: " + reason;
            };
        }
    }

    private final TransactionLedger ledger;
    private final Secp256k1.KeyPair key;
    private final Pause pause;
    private final LongSupplier clockMillis;

    public ReportSubmitter(TransactionLedger ledger, Secp256k1.KeyPair key, Pause pause, LongSupplier clockMillis) {
        this.ledger = ledger;
        this.key = key;
        this.pause = pause;
        this.clockMillis = clockMillis;
    }

    /**
     * The report of {@code epoch} with {@code scores}, built and sent, not sent again from {@code deadlineMillis} on;
     * never throws for the ledger's sake.
     */
    public Outcome submit(long epoch, List<NodeScore> scores, long deadlineMillis) throws InterruptedException {
        LedgerProto.MonitorReport report = report(epoch, scores);
        byte[] tx;
        try {
            tx = sign(report);
        } catch (LedgerRpcException e) {
            return new Outcome(
                    Outcome.Status.UNKNOWN, "-", 0, 0, "not sent, the ledger cannot be asked: " + e.getMessage());
        }
        Outcome outcome = send(tx, deadlineMillis);
        if (outcome.status() == Outcome.Status.REFUSED && outcome.height() == 0 && outcome.code() == WRONG_NONCE) {
            LOG.info(() -> "report of epoch " + epoch + " refused for its nonce before any block: signed again");
            try {
                outcome = send(sign(report), deadlineMillis);
            } catch (LedgerRpcException e) {
                return new Outcome(Outcome.Status.UNKNOWN, outcome.hash(), 0, 0, e.getMessage());
            }
        }
        return outcome;
    }

    static LedgerProto.MonitorReport report(long epoch, List<NodeScore> scores) {
        LedgerProto.MonitorReport.Builder report =
                LedgerProto.MonitorReport.newBuilder().setEpoch(epoch);
        for (NodeScore score : scores) {
            report.addResults(LedgerProto.NodeScore.newBuilder()
                    .setIdentityKey(ByteString.copyFrom(
                            Keys.decode(score.identity(), Keys.PUBLIC_KEY_BYTES, "node identity key")))
                    .setPerformance(score.performance())
                    .setSamples(score.samples()));
        }
        return report.build();
    }

    private byte[] sign(LedgerProto.MonitorReport report) {
        long nonce = ledger.accountNonce(key.address());
        String chainId = ledger.chainId();
        return new TxBuilder(chainId)
                .sign(
                        key,
                        LedgerProto.TxBody.newBuilder()
                                .setChainId(chainId)
                                .setNonce(nonce)
                                .setMonitorReport(report)
                                .build());
    }

    /** Sends {@code tx}, resending the same bytes after a lost answer when no block holds them. */
    private Outcome send(byte[] tx, long deadlineMillis) throws InterruptedException {
        String hash = Hex.upper(Transaction.sha256(tx));
        String lastError = "";
        for (int sending = 0; sending < MAX_SENDINGS; sending++) {
            if (clockMillis.getAsLong() >= deadlineMillis) {
                return new Outcome(
                        Outcome.Status.UNKNOWN,
                        hash,
                        0,
                        0,
                        "the epoch's reports are no longer accepted; in no block"
                                + (lastError.isEmpty() ? "" : " (" + lastError + ")"));
            }
            try {
                TxResult result = ledger.broadcast(tx);
                if (result.ok()) {
                    return new Outcome(Outcome.Status.COMMITTED, hash, result.height(), 0, "");
                }
                if (sending == 0 || result.height() > 0) {
                    return refused(hash, result);
                }
                // a resend refused before any block: the first sending may have landed after all; look again
            } catch (LedgerRpcException e) {
                lastError = e.getMessage();
                LOG.info(() -> "report " + hash + " sent without an answer: looking it up on the ledger");
            }
            Optional<TxResult> found = lookUp(hash);
            if (found.isPresent()) {
                return found.get().ok()
                        ? new Outcome(
                                Outcome.Status.COMMITTED, hash, found.get().height(), 0, "")
                        : refused(hash, found.get());
            }
        }
        return new Outcome(
                Outcome.Status.UNKNOWN,
                hash,
                0,
                0,
                "sent " + MAX_SENDINGS + " times, in no block" + (lastError.isEmpty() ? "" : " (" + lastError + ")"));
    }

    private Optional<TxResult> lookUp(String hash) throws InterruptedException {
        for (int k = 0; k < LOOKUPS; k++) {
            pause.sleep(LOOKUP_EVERY);
            try {
                Optional<TxResult> found = ledger.transaction(hash);
                if (found.isPresent()) {
                    return found;
                }
            } catch (LedgerRpcException e) {
                LOG.fine(() -> "looking up " + hash + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static Outcome refused(String hash, TxResult result) {
        return new Outcome(Outcome.Status.REFUSED, hash, result.height(), result.code(), result.log());
    }
}
