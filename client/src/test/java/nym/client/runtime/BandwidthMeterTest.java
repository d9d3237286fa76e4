package nym.client.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import nym.client.ClientException;
import nym.client.credential.GatewayPayment;
import nym.client.gateway.GatewaySpender;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Bandwidth;
import org.junit.jupiter.api.Test;

/**
 * When the client pays its gateway: the balance against the threshold, NO_BANDWIDTH, one payment at a time on the
 * payment executor (here a queue the test runs by hand), a pause after a failure (on a clock the test moves).
 */
class BandwidthMeterTest {

    private static final long MIB = 1_048_576;
    private static final GatewaySpender GATEWAY = proof -> {
        throw new AssertionError("the payer stand-in does not spend");
    };

    private final Queue<Runnable> paymentThread = new ArrayDeque<>();
    private final AtomicInteger payments = new AtomicInteger();
    private long now = 1_000;
    private boolean fail;

    private BandwidthMeter meter(long topUpBelow) {
        return new BandwidthMeter(
                topUpBelow,
                gateway -> {
                    payments.incrementAndGet();
                    if (fail) {
                        throw new ClientException(ClientException.Kind.GATEWAY, "refused");
                    }
                    return new GatewayPayment.Paid(10 * MIB, 10 * MIB + 5, "A".repeat(64), "00");
                },
                paymentThread::add,
                () -> now);
    }

    private void runPayments() {
        while (!paymentThread.isEmpty()) {
            paymentThread.remove().run();
        }
    }

    @Test
    void unmeteredGateway_neverPaid() {
        BandwidthMeter m = meter(MIB);

        m.sessionOpened(GATEWAY, Authenticated.UNMETERED);

        assertTrue(paymentThread.isEmpty());
        assertEquals("unmetered", m.status().text());
    }

    @Test
    void balanceBelowThreshold_onePaymentEvenWhileReportsKeepComing() {
        BandwidthMeter m = meter(MIB);
        m.sessionOpened(GATEWAY, 2 * MIB);
        assertTrue(paymentThread.isEmpty(), "enough left");

        m.reported(new Bandwidth(0, MIB - 1));
        m.reported(new Bandwidth(0, MIB - 2));
        assertEquals(1, paymentThread.size(), "never two payments at once");
        runPayments();

        assertEquals(1, payments.get());
        BandwidthStatus s = m.status();
        assertEquals(10 * MIB + 5, s.balance());
        assertEquals(1, s.payments());
        assertEquals("10.0 MiB", s.text());
    }

    @Test
    void noBandwidthAnswers_countedAndPaidEvenWithThresholdZero() {
        BandwidthMeter m = meter(0);
        m.sessionOpened(GATEWAY, 0);
        assertTrue(paymentThread.isEmpty(), "threshold 0: not before the gateway refuses a packet");

        m.noBandwidth("no bandwidth left at this gateway");
        m.noBandwidth("no bandwidth left at this gateway");
        runPayments();

        assertEquals(1, payments.get());
        assertEquals(2, m.status().noBandwidth());
    }

    @Test
    void failedPayment_notTriedAgainBeforeThePause() {
        BandwidthMeter m = meter(MIB);
        fail = true;
        m.sessionOpened(GATEWAY, 0);
        runPayments();
        assertEquals(1, m.status().paymentFailures());

        now += BandwidthMeter.RETRY_AFTER.toNanos() - 1;
        m.reported(new Bandwidth(0, 0));
        m.noBandwidth("no bandwidth left at this gateway");
        assertTrue(paymentThread.isEmpty(), "within the pause");

        now += 1;
        fail = false;
        m.reported(new Bandwidth(0, 0));
        runPayments();
        assertEquals(2, payments.get());
        assertEquals(1, m.status().payments());
    }
}
