package nym.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nym.client.runtime.LoopListener;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.TransactionLedger;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/** {@link EpochReporter}: an epoch's loops to one report and one log line. */
class EpochReporterTest {

    private static final EpochSchedule SCHEDULE = EpochSchedule.of(120, Duration.ofSeconds(20));
    private static final long EPOCH = 50;

    private static String node(int value) {
        byte[] key = new byte[32];
        key[0] = (byte) value;
        return Keys.encode(key);
    }

    /** Commits every broadcast at height 5 and keeps what was sent. */
    private static final class CommittingLedger implements TransactionLedger {
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public String chainId() {
            return "nym-test";
        }

        @Override
        public long accountNonce(byte[] address) {
            return 0;
        }

        @Override
        public TxResult broadcast(byte[] signedTx) {
            sent.add(signedTx);
            return new TxResult(Hex.upper(Transaction.sha256(signedTx)), 5, 0, "");
        }

        @Override
        public Optional<TxResult> transaction(String hash) {
            return Optional.empty();
        }
    }

    private static EpochReporter reporter(LoopOutcomes outcomes, TransactionLedger ledger) {
        return new EpochReporter(
                SCHEDULE,
                outcomes,
                new ReliabilityEstimator(5),
                new ReportSubmitter(
                        ledger, Secp256k1.KeyPair.of(BigInteger.TEN), d -> {}, () -> SCHEDULE.reportAt(EPOCH)));
    }

    @Test
    void report_nodesSamplesLowestScoresAndTheTransaction() throws Exception {
        LoopOutcomes outcomes = new LoopOutcomes(SCHEDULE);
        LoopListener client = outcomes.listenerFor(0);
        String gateway = node(9);
        for (int k = 0; k < 40; k++) {
            // node 1 loses every other loop; node 2 and 3 share the layer and lose none
            List<String> mixes = List.of(k % 2 == 0 ? node(1) : node(2 + (k / 2) % 2));
            client.sent(new LoopListener.LoopSent(k, mixes, gateway, EPOCH, SCHEDULE.start(EPOCH) + k));
            if (!(mixes.get(0).equals(node(1)) && k % 4 == 0)) {
                client.returned(k);
            }
        }
        CommittingLedger ledger = new CommittingLedger();

        String line = reporter(outcomes, ledger).report(EPOCH);

        assertTrue(
                line.startsWith("epoch 50: 4 nodes measured from 40 samples (30 returned); lowest "
                        + node(1).substring(0, 8) + "=500 "),
                line);
        assertTrue(line.endsWith("committed at height 5"), line);
        assertEquals(1, ledger.sent.size());
        assertEquals(
                EPOCH,
                Transaction.decode(ledger.sent.get(0)).body().getMonitorReport().getEpoch());
    }

    @Test
    void tooFewSamples_nothingSent() throws Exception {
        LoopOutcomes outcomes = new LoopOutcomes(SCHEDULE);
        outcomes.listenerFor(0)
                .sent(new LoopListener.LoopSent(1, List.of(node(1)), node(9), EPOCH, SCHEDULE.start(EPOCH)));
        CommittingLedger ledger = new CommittingLedger();

        String line = reporter(outcomes, ledger).report(EPOCH);

        assertEquals(
                "epoch 50: 0 nodes measured from 1 samples (0 returned); no node on enough of them: nothing reported",
                line);
        assertEquals(0, ledger.sent.size());
    }
}
