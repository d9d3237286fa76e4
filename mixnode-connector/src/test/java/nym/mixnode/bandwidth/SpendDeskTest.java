package nym.mixnode.bandwidth;

import static nym.mixnode.bandwidth.GatewayFixture.CLIENT;
import static nym.mixnode.bandwidth.GatewayFixture.nonce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nym.coconut.verification.Theta;
import nym.credential.testing.DealerCredentials.Credential;
import nym.gateway.api.Bandwidth;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.ErrorMessage.Code;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import nym.mixnode.bandwidth.BandwidthCounters.SpendOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spend desk with real 2-of-3 credentials and a scripted ledger: what it accepts, what it refuses and why. */
class SpendDeskTest {

    private GatewayFixture gateway;

    @BeforeEach
    void gateway(@TempDir Path dir) throws Exception {
        gateway = new GatewayFixture(dir);
    }

    private GatewayMessage spend(SpendCredential spend) {
        return gateway.desk.spend(CLIENT, spend);
    }

    /** Refused with {@code code}, no balance changed and nothing recorded. */
    private void assertRefused(Code code, SpendCredential spend) {
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, spend(spend));
        assertEquals(code, error.code(), error.text());
        assertEquals(0, gateway.balances.balance(CLIENT), "a refusal changes no balance");
        assertEquals(List.of(), gateway.spends.unfinished(), "nothing recorded");
    }

    /** A desk of this fixture's gateway that has not read the ledger's parameters yet. */
    private SpendDesk newDesk() {
        return new SpendDesk(
                gateway.ledger,
                gateway.binding(),
                gateway.spends,
                gateway.balances,
                gateway.counters,
                Runnable::run,
                () -> {});
    }

    @Test
    void offer_freshNonceForTheGatewaysAddressAndTheLedgersRate() {
        gateway.ledger.bytesPerNym = 1000;
        SpendDesk desk = newDesk();
        assertTrue(desk.readParams());
        SpendOffer first = assertInstanceOf(SpendOffer.class, desk.offer());
        SpendOffer second = assertInstanceOf(SpendOffer.class, desk.offer());
        assertArrayEquals(gateway.binding(), first.binding());
        assertEquals(1000, first.bytesPerNym());
        assertEquals(32, first.nonce().length);
        assertFalse(Arrays.equals(first.nonce(), second.nonce()), "fresh each time");
    }

    @Test
    void offer_ledgerNotReachedYet_ledgerUnavailable() throws Exception {
        gateway.ledger.down = true;
        SpendDesk desk = newDesk();
        assertEquals(
                Code.LEDGER_UNAVAILABLE,
                assertInstanceOf(ErrorMessage.class, desk.offer()).code());
        SpendCredential s = gateway.spend(gateway.issue(5), gateway.binding(), nonce(1));
        assertEquals(
                Code.LEDGER_UNAVAILABLE,
                assertInstanceOf(ErrorMessage.class, desk.spend(CLIENT, s)).code());
        gateway.ledger.down = false;
        assertTrue(desk.readParams());
        assertInstanceOf(SpendOffer.class, desk.offer());
    }

    @Test
    void spend_honest_grantsValueTimesRateDurablyAndRecordsIt() throws Exception {
        Bandwidth granted =
                assertInstanceOf(Bandwidth.class, spend(gateway.spend(gateway.issue(5), gateway.binding(), nonce(1))));
        long expected = 5 * NetworkParams.DEFAULT_BYTES_PER_NYM;
        assertEquals(expected, granted.granted());
        assertEquals(expected, granted.balance());
        SpendRecord record = gateway.spends.unfinished().get(0);
        assertEquals(SpendRecord.Status.ACCEPTED, record.status());
        assertEquals(expected, record.granted());
        assertEquals(GatewayFixture.KEY_EPOCH, record.keyEpoch());
        assertArrayEquals(CLIENT, record.clientId());
        assertEquals(1, gateway.counters.spends(SpendOutcome.ACCEPTED));
        assertEquals(expected, gateway.counters.bytesGranted());
        // durable before the answer: a balances file read now holds it
        assertEquals(
                expected,
                BandwidthBalances.open(gateway.dir.resolve("balances"), GatewayFixture.PACKET)
                        .balance(CLIENT));
    }

    @Test
    void spend_tamperedTheta_credentialInvalid() throws Exception {
        SpendCredential honest = gateway.spend(gateway.issue(5), gateway.binding(), nonce(1));
        byte[] theta = honest.theta();
        theta[theta.length - 5] ^= 1; // inside the proof's last response
        assertRefused(Code.CREDENTIAL_INVALID, new SpendCredential(honest.keyEpoch(), 5, nonce(1), theta));
    }

    @Test
    void spend_unparsableTheta_credentialInvalid() {
        assertRefused(Code.CREDENTIAL_INVALID, new SpendCredential(2, 5, nonce(1), new byte[] {1, 2, 3}));
    }

    @Test
    void spend_shownForAnotherGateway_credentialInvalid() throws Exception {
        byte[] other = new byte[20];
        assertRefused(Code.CREDENTIAL_INVALID, gateway.spend(gateway.issue(5), other, nonce(1)));
    }

    @Test
    void spend_shownForAnotherNonce_credentialInvalid() throws Exception {
        SpendCredential forNonce2 = gateway.spend(gateway.issue(5), gateway.binding(), nonce(2));
        assertRefused(
                Code.CREDENTIAL_INVALID, new SpendCredential(forNonce2.keyEpoch(), 5, nonce(1), forNonce2.theta()));
    }

    @Test
    void spend_wrongValue_credentialInvalid() throws Exception {
        Credential five = gateway.issue(5);
        assertRefused(Code.CREDENTIAL_INVALID, gateway.spend(five, gateway.binding(), nonce(1), 10));
        assertRefused(Code.CREDENTIAL_INVALID, gateway.spend(five, gateway.binding(), nonce(1), 3));
    }

    @Test
    void spend_expiredOrUnknownKeyEpoch_credentialInvalidSayingWhich() throws Exception {
        Credential c = gateway.issue(5);
        SpendCredential unknown = gateway.spend(c, gateway.binding(), nonce(1));
        ErrorMessage e =
                assertInstanceOf(ErrorMessage.class, spend(new SpendCredential(9, 5, nonce(1), unknown.theta())));
        assertEquals(Code.CREDENTIAL_INVALID, e.code());
        assertTrue(e.text().contains("key epoch"), e.text());

        gateway.ledger.keyEpochs.complete(3, gateway.dealer.newKeys());
        gateway.ledger.keyEpochs.complete(4, gateway.dealer.newKeys()); // two rotations: key epoch 2 is expired
        ErrorMessage expired =
                assertInstanceOf(ErrorMessage.class, spend(gateway.spend(c, gateway.binding(), nonce(1))));
        assertEquals(Code.CREDENTIAL_INVALID, expired.code());
        assertTrue(expired.text().contains("key epoch refused"), expired.text());
        assertEquals(0, gateway.balances.balance(CLIENT));
    }

    @Test
    void spend_sameCredentialAgain_doubleSpendHere() throws Exception {
        Credential c = gateway.issue(5);
        assertInstanceOf(Bandwidth.class, spend(gateway.spend(c, gateway.binding(), nonce(1))));
        long balance = gateway.balances.balance(CLIENT);
        ErrorMessage again = assertInstanceOf(ErrorMessage.class, spend(gateway.spend(c, gateway.binding(), nonce(2))));
        assertEquals(Code.DOUBLE_SPEND, again.code());
        assertEquals(balance, gateway.balances.balance(CLIENT));
        assertEquals(1, gateway.counters.spends(SpendOutcome.DOUBLE_SPEND));
    }

    @Test
    void spend_pendingOrSpentOnTheLedger_doubleSpend() throws Exception {
        for (String state : List.of("pending", "spent")) {
            SpendCredential s = gateway.spend(gateway.issue(5), gateway.binding(), nonce(1));
            gateway.ledger.zetas.put(zetaHex(s), state);
            assertRefused(Code.DOUBLE_SPEND, s);
        }
    }

    static String zetaHex(SpendCredential s) throws Exception {
        return HexFormat.of().formatHex(Theta.fromBytes(s.theta()).zeta().toBytes());
    }

    @Test
    void spend_ledgerDown_ledgerUnavailableAndNothingChanged() throws Exception {
        SpendCredential s = gateway.spend(gateway.issue(5), gateway.binding(), nonce(1));
        gateway.ledger.down = true;
        assertRefused(Code.LEDGER_UNAVAILABLE, s);
        assertEquals(1, gateway.counters.spends(SpendOutcome.LEDGER_UNAVAILABLE));
        gateway.ledger.down = false;
        assertInstanceOf(Bandwidth.class, spend(s), "the same spend, tried again, is accepted");
    }

    @Test
    void spend_sameCredentialConcurrently_exactlyOneAccepted() throws Exception {
        Credential c = gateway.issue(10);
        List<SpendCredential> shows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            shows.add(gateway.spend(c, gateway.binding(), nonce(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(shows.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<GatewayMessage>> answers = new ArrayList<>();
            for (SpendCredential s : shows) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return spend(s);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<GatewayMessage> a : answers) {
                GatewayMessage m = a.get();
                if (m instanceof Bandwidth) {
                    accepted++;
                } else {
                    assertEquals(
                            Code.DOUBLE_SPEND,
                            assertInstanceOf(ErrorMessage.class, m).code());
                }
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10 * NetworkParams.DEFAULT_BYTES_PER_NYM, gateway.balances.balance(CLIENT));
        assertEquals(1, gateway.spends.unfinished().size());
    }

    @Test
    void nonceRefused_countedAndNamed() {
        assertEquals(Code.NONCE_INVALID, gateway.desk.nonceRefused().code());
        assertEquals(1, gateway.counters.spends(SpendOutcome.NONCE_INVALID));
    }
}
