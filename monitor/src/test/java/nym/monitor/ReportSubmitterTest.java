package nym.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.rpc.TransactionLedger;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto;
import org.junit.jupiter.api.Test;

/** {@link ReportSubmitter} against a scripted ledger. */
class ReportSubmitterTest {

    private static final Secp256k1.KeyPair KEY = Secp256k1.KeyPair.of(BigInteger.valueOf(0x5eed));
    private static final String NODE_A = Keys.encode(new byte[32]);
    private static final String NODE_B = Keys.encode(filled(7));
    private static final List<NodeScore> SCORES =
            List.of(new NodeScore(NODE_A, 512, 40), new NodeScore(NODE_B, 998, 41));

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    /** Answers broadcasts from a script; counts look-ups; holds the transactions "in blocks" by hash. */
    private static final class ScriptedLedger implements TransactionLedger {
        final Deque<Function<byte[], TxResult>> broadcasts = new ArrayDeque<>();
        final List<byte[]> sent = new ArrayList<>();
        final Map<String, TxResult> blocks = new HashMap<>();
        long nonce = 9;
        int lookups;

        @Override
        public String chainId() {
            return "nym-test";
        }

        @Override
        public long accountNonce(byte[] address) {
            assertArrayEquals(KEY.address(), address);
            return nonce;
        }

        @Override
        public TxResult broadcast(byte[] signedTx) {
            sent.add(signedTx);
            return broadcasts.removeFirst().apply(signedTx);
        }

        @Override
        public Optional<TxResult> transaction(String hash) {
            lookups++;
            return Optional.ofNullable(blocks.get(hash));
        }
    }

    private static String hash(byte[] tx) {
        return Hex.upper(Transaction.sha256(tx));
    }

    /** The deadline of the tests' report; the clock stays before it unless a test moves it. */
    private static final long DEADLINE = 1_000_000;

    private long now = DEADLINE - 100_000;

    private ReportSubmitter.Outcome submit(ScriptedLedger ledger) throws InterruptedException {
        return new ReportSubmitter(ledger, KEY, d -> now += d.toMillis(), () -> now).submit(77, SCORES, DEADLINE);
    }

    @Test
    void committed_theSignedReportOfTheEpochWithTheAccountsNonce() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        ledger.broadcasts.add(tx -> new TxResult(hash(tx), 12, 0, ""));

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.COMMITTED, outcome.status());
        assertEquals(12, outcome.height());
        Transaction tx = Transaction.decode(ledger.sent.get(0));
        assertArrayEquals(KEY.address(), tx.sender());
        assertEquals("nym-test", tx.body().getChainId());
        assertEquals(9, tx.body().getNonce());
        LedgerProto.MonitorReport report = tx.body().getMonitorReport();
        assertEquals(77, report.getEpoch());
        assertEquals(2, report.getResultsCount());
        assertArrayEquals(filled(7), report.getResults(1).getIdentityKey().toByteArray());
        assertEquals(512, report.getResults(0).getPerformance());
        assertEquals(41, report.getResults(1).getSamples());
        assertEquals(hash(ledger.sent.get(0)), outcome.hash());
    }

    @Test
    void refusedInItsBlock_theLedgersReasonAndNoResend() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        ledger.broadcasts.add(tx -> new TxResult(hash(tx), 13, 41, "NOT_A_MONITOR: 0xab is not a registered monitor"));

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.REFUSED, outcome.status());
        assertTrue(outcome.summary().contains("NOT_A_MONITOR"), outcome.summary());
        assertEquals(1, ledger.sent.size());
    }

    @Test
    void answerLost_foundInABlockByItsHash_committedWithoutResending() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        ledger.broadcasts.add(tx -> {
            ledger.blocks.put(hash(tx), new TxResult(hash(tx), 20, 0, ""));
            throw new LedgerRpcException("timed out waiting for tx to be included in a block");
        });

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.COMMITTED, outcome.status());
        assertEquals(20, outcome.height());
        assertEquals(1, ledger.sent.size());
    }

    @Test
    void answerLostAndInNoBlock_theSameBytesSentAgain() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        ledger.broadcasts.add(tx -> {
            throw new LedgerRpcException("connection reset");
        });
        ledger.broadcasts.add(tx -> new TxResult(hash(tx), 21, 0, ""));

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.COMMITTED, outcome.status());
        assertEquals(2, ledger.sent.size());
        assertArrayEquals(ledger.sent.get(0), ledger.sent.get(1), "the same nonce: the report can land once only");
        assertEquals(ReportSubmitter.LOOKUPS, ledger.lookups);
    }

    @Test
    void neverAnswered_unknownAfterTheLastSending() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        for (int k = 0; k < ReportSubmitter.MAX_SENDINGS; k++) {
            ledger.broadcasts.add(tx -> {
                throw new LedgerRpcException("connection refused");
            });
        }

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.UNKNOWN, outcome.status());
        assertEquals(ReportSubmitter.MAX_SENDINGS, ledger.sent.size());
    }

    @Test
    void answerLostAndTheEpochSettledMeanwhile_notSentAgain() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        ledger.broadcasts.add(tx -> {
            now = DEADLINE;
            throw new LedgerRpcException("timed out waiting for tx to be included in a block");
        });

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.UNKNOWN, outcome.status());
        assertTrue(outcome.reason().contains("no longer accepted"), outcome.reason());
        assertEquals(1, ledger.sent.size());
        assertEquals(ReportSubmitter.LOOKUPS, ledger.lookups, "looked up all the same: it may have landed");
    }

    @Test
    void wrongNonceAtCheckTx_signedAgainWithTheNextNonce() throws Exception {
        ScriptedLedger ledger = new ScriptedLedger();
        ledger.broadcasts.add(tx -> {
            ledger.nonce = 10;
            return new TxResult(hash(tx), 0, ReportSubmitter.WRONG_NONCE, "WRONG_NONCE: expected 10, got 9");
        });
        ledger.broadcasts.add(tx -> new TxResult(hash(tx), 22, 0, ""));

        ReportSubmitter.Outcome outcome = submit(ledger);

        assertEquals(ReportSubmitter.Outcome.Status.COMMITTED, outcome.status());
        assertEquals(10, Transaction.decode(ledger.sent.get(1)).body().getNonce());
    }
}
