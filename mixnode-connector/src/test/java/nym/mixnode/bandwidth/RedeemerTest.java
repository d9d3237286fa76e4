package nym.mixnode.bandwidth;

import static nym.mixnode.bandwidth.GatewayFixture.CLIENT;
import static nym.mixnode.bandwidth.GatewayFixture.PACKET;
import static nym.mixnode.bandwidth.GatewayFixture.nonce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nym.credential.DepositPayload;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.gateway.api.Bandwidth;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.CredentialDeposit;
import nym.mixnode.bandwidth.BandwidthCounters.DepositOutcome;
import nym.mixnode.bandwidth.SpendRecord.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redeemer against a scripted ledger: deposits signed, sent, followed, and bandwidth taken back when they fail. */
class RedeemerTest {

    private static final long FIVE_NYM = 5 * NetworkParams.DEFAULT_BYTES_PER_NYM;

    @TempDir
    Path tmp;

    private GatewayFixture gateway;

    @BeforeEach
    void gateway() throws Exception {
        gateway = new GatewayFixture(tmp);
    }

    /** A spend of a fresh credential of 5 NYM, accepted for {@link GatewayFixture#CLIENT}. */
    private SpendRecord accepted(int nonce) throws Exception {
        assertInstanceOf(
                Bandwidth.class,
                gateway.desk.spend(CLIENT, gateway.spend(gateway.issue(5), gateway.binding(), nonce(nonce))));
        List<SpendRecord> open = gateway.spends.unfinished();
        return open.get(open.size() - 1);
    }

    private SpendRecord now(SpendRecord r) {
        return gateway.spends.find(r.zeta()).orElseThrow();
    }

    @Test
    void accepted_depositSignedByTheGatewayWithItsPayloadThenSettled_bandwidthKept() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.ledger.accountNonce = 4;
        gateway.redeem();

        assertEquals(1, gateway.ledger.broadcasts.size());
        Transaction tx = Transaction.decode(gateway.ledger.broadcasts.get(0));
        assertArrayEquals(gateway.account.address(), tx.sender());
        assertEquals(4, tx.body().getNonce());
        assertEquals(ScriptedLedger.CHAIN, tx.body().getChainId());
        CredentialDeposit deposit = tx.body().getCredentialDeposit();
        assertArrayEquals(spend.zeta(), deposit.getZeta().toByteArray());
        assertEquals(5, deposit.getValue());
        DepositPayload payload =
                DepositPayload.fromBytes(deposit.getCredential().toByteArray());
        assertEquals(GatewayFixture.KEY_EPOCH, payload.keyEpoch());
        assertArrayEquals(nonce(1), payload.nonce());
        assertEquals(Status.IN_BLOCK, now(spend).status());

        gateway.redeem();
        assertEquals(Status.IN_BLOCK, now(spend).status(), "pending while the verifiers vote");
        gateway.ledger.deposits.put(Redeemer.depositId(now(spend)), "accepted");
        gateway.redeem();
        assertEquals(Status.SETTLED, now(spend).status());
        assertEquals(FIVE_NYM, gateway.balances.balance(CLIENT));
        assertEquals(1, gateway.counters.deposits(DepositOutcome.ACCEPTED));
        assertEquals(1, gateway.ledger.broadcasts.size(), "nothing sent twice");
    }

    @Test
    void refusedByTheLedger_doubleSpendAtCheckTx_bandwidthTakenBack() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.ledger.answers.add(Optional.of(new TxResult("X", 0, 12, "DOUBLE_SPEND: ζ is pending")));
        gateway.redeem();
        assertEquals(Status.TAKEN_BACK, now(spend).status());
        assertEquals(0, gateway.balances.balance(CLIENT));
        assertEquals(FIVE_NYM, gateway.counters.bytesTakenBack());
        assertEquals(1, gateway.counters.deposits(DepositOutcome.REFUSED));
    }

    @Test
    void refusedInItsBlock_bandwidthTakenBack() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.ledger.answers.add(Optional.of(new TxResult("X", 9, 12, "DOUBLE_SPEND")));
        gateway.redeem();
        assertEquals(Status.TAKEN_BACK, now(spend).status());
        assertEquals(0, gateway.balances.balance(CLIENT));
    }

    @Test
    void rejectedByTheVerifiers_takenBackNeverBelowZero() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.redeem();
        long used = FIVE_NYM - PACKET; // all but one packet used already
        for (long i = 0; i < used / PACKET; i++) {
            assertTrue(gateway.balances.chargePacket(CLIENT));
        }
        gateway.ledger.deposits.put(Redeemer.depositId(now(spend)), "rejected");
        gateway.redeem();
        assertEquals(Status.TAKEN_BACK, now(spend).status());
        assertEquals(0, gateway.balances.balance(CLIENT));
        assertEquals(FIVE_NYM - (used / PACKET) * PACKET, gateway.counters.bytesTakenBack(), "only what was left");
        assertEquals(1, gateway.counters.deposits(DepositOutcome.REJECTED));
    }

    @Test
    void expired_takenBack() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.redeem();
        gateway.ledger.deposits.put(Redeemer.depositId(now(spend)), "expired");
        gateway.redeem();
        assertEquals(Status.TAKEN_BACK, now(spend).status());
        assertEquals(1, gateway.counters.deposits(DepositOutcome.EXPIRED));
    }

    @Test
    void answerLost_depositFoundInABlockLater_nothingSentTwice() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.ledger.answers.add(Optional.empty());
        gateway.redeem();
        SpendRecord submitted = now(spend);
        assertEquals(Status.SUBMITTED, submitted.status());
        gateway.ledger.blocks.put(Redeemer.depositId(submitted), ScriptedLedger.committed("X"));
        gateway.redeem();
        assertEquals(Status.IN_BLOCK, now(spend).status());
        assertEquals(1, gateway.ledger.broadcasts.size());
    }

    @Test
    void answerLost_notFound_laterSpendsWaitThenTheSameBytesAreSentAgain() throws Exception {
        SpendRecord first = accepted(1);
        gateway.ledger.answers.add(Optional.empty());
        gateway.redeem();
        SpendRecord second = accepted(2);
        gateway.redeem();
        assertEquals(1, gateway.ledger.broadcasts.size(), "no deposit signed while the first's fate is unknown");
        assertEquals(Status.ACCEPTED, now(second).status());

        gateway.now = gateway.now.plus(Redeemer.LOOKUP_AFTER);
        gateway.redeem();
        assertArrayEquals(gateway.ledger.broadcasts.get(0), gateway.ledger.broadcasts.get(1), "the same bytes");
        assertEquals(Status.IN_BLOCK, now(first).status());
        assertEquals(1, now(first).resubmissions());
        gateway.redeem();
        assertEquals(Status.IN_BLOCK, now(second).status(), "then the next one");
    }

    @Test
    void answerLostAndNeverFound_givenUpAfterTheResends_takenBack() throws Exception {
        SpendRecord spend = accepted(1);
        for (int i = 0; i <= Redeemer.MAX_RESUBMISSIONS; i++) {
            gateway.ledger.answers.add(Optional.empty());
            gateway.redeem();
            gateway.now = gateway.now.plus(Redeemer.LOOKUP_AFTER);
        }
        gateway.redeem();
        assertEquals(Status.TAKEN_BACK, now(spend).status());
        assertEquals(1 + Redeemer.MAX_RESUBMISSIONS, gateway.ledger.broadcasts.size());
        assertEquals(1, gateway.counters.deposits(DepositOutcome.LOST));
    }

    @Test
    void wrongNonceAtCheckTx_signedAgainWithTheNextNonce() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.ledger.answers.add(Optional.of(new TxResult("X", 0, Redeemer.WRONG_NONCE, "WRONG_NONCE")));
        gateway.redeem();
        assertEquals(Status.ACCEPTED, now(spend).status());
        gateway.ledger.accountNonce = 8;
        gateway.redeem();
        assertEquals(Status.IN_BLOCK, now(spend).status());
        assertEquals(
                8, Transaction.decode(gateway.ledger.broadcasts.get(1)).body().getNonce());
    }

    @Test
    void ledgerDown_nothingChangesUntilItAnswers() throws Exception {
        SpendRecord spend = accepted(1);
        gateway.ledger.down = true;
        gateway.redeem();
        assertEquals(Status.ACCEPTED, now(spend).status());
        gateway.ledger.down = false;
        gateway.redeem();
        assertEquals(Status.IN_BLOCK, now(spend).status());
    }

    @Test
    void restart_keepsBalancesAndResumesUnfinishedSpends() throws Exception {
        SpendRecord inBlock = accepted(1);
        gateway.redeem();
        SpendRecord lost = accepted(2);
        gateway.ledger.answers.add(Optional.empty());
        gateway.redeem();
        assertTrue(gateway.balances.chargePacket(CLIENT));
        long balance = gateway.balances.balance(CLIENT);

        gateway.restart();
        assertEquals(balance, gateway.balances.balance(CLIENT));
        assertEquals(Status.IN_BLOCK, now(inBlock).status());
        assertEquals(Status.SUBMITTED, now(lost).status());
        gateway.ledger.deposits.put(Redeemer.depositId(now(inBlock)), "rejected");
        gateway.ledger.blocks.put(Redeemer.depositId(now(lost)), ScriptedLedger.committed("X"));
        gateway.redeem();
        assertEquals(Status.TAKEN_BACK, now(inBlock).status());
        assertEquals(Status.IN_BLOCK, now(lost).status());
        assertEquals(balance - FIVE_NYM, gateway.balances.balance(CLIENT));
    }

    @Test
    void restart_spendRecordedButNotCredited_creditedOnce() throws Exception {
        SpendRecord recorded = gateway.spends
                .addAccepted(new byte[48], CLIENT, 5, 2, nonce(1), new byte[] {1}, FIVE_NYM)
                .orElseThrow();
        assertEquals(0, gateway.balances.balance(CLIENT), "a crash before the credit");
        gateway.restart();
        assertEquals(FIVE_NYM, gateway.balances.balance(CLIENT));
        assertEquals(recorded.seq(), gateway.balances.creditedThrough());
        gateway.restart();
        assertEquals(FIVE_NYM, gateway.balances.balance(CLIENT), "credited once");
    }
}
