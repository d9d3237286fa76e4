package nym.client.runtime;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import nym.client.credential.GatewayPayment;
import nym.client.gateway.GatewaySpender;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Bandwidth;

/**
 * Keeps the client's bandwidth at its gateway above {@code gateway.topup_below_bytes}: follows the balance the gateway
 * reports (at authentication, every few seconds, with each grant), counts the packets it dropped for want of
 * bandwidth, and pays with a credential when the balance is low. Payments run on their own executor, never on the
 * threads that send packets or read the session, and never two at once; a failed one is tried again after
 * {@link #RETRY_AFTER} at the earliest. A gateway that takes no credentials is never paid.
 */
public final class BandwidthMeter {

    /** The earliest next payment after one failed (the gateway reports every few seconds; no storm of attempts). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(BandwidthMeter.class.getName());

    /** Pays the gateway through a spender; {@link GatewayPayment#pay} in a running client. */
    @FunctionalInterface
    public interface Payer {
        GatewayPayment.Paid pay(GatewaySpender gateway);
    }

    private final long topUpBelow;
    private final Payer payer;
    private final Executor payments;
    private final LongSupplier nanoTime;
    private final AtomicLong balance = new AtomicLong(BandwidthStatus.UNKNOWN);
    private final AtomicLong noBandwidth = new AtomicLong();
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean paying = new AtomicBoolean();
    /** The gateway's refusal was logged since the last grant (one line per dry spell). */
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    private volatile GatewaySpender gateway;
    /** No payment starts before this {@link #nanoTime} (set after a failure). */
    private volatile long notBefore;

    public BandwidthMeter(long topUpBelow, Payer payer, Executor payments, LongSupplier nanoTime) {
        this.topUpBelow = topUpBelow;
        this.payer = payer;
        this.payments = payments;
        this.nanoTime = nanoTime;
        this.notBefore = nanoTime.getAsLong();
    }

    /** A session opened with {@code bandwidth} left ({@link Authenticated#UNMETERED}: never pay) on {@code spender}. */
    public void sessionOpened(GatewaySpender spender, long bandwidth) {
        gateway = spender;
        balance.set(bandwidth);
        topUpIfLow(false);
    }

    /** A {@code Bandwidth} report or grant of the gateway. */
    public void reported(Bandwidth b) {
        balance.set(b.balance());
        if (b.granted() > 0) {
            refusalLogged.set(false);
        }
        topUpIfLow(false);
    }

    /** The gateway dropped a packet of ours: {@code NO_BANDWIDTH}, with the gateway's {@code text}. */
    public void noBandwidth(String text) {
        noBandwidth.incrementAndGet();
        if (refusalLogged.compareAndSet(false, true)) {
            LOG.warning("the gateway refuses our packets: " + text + " (paying; further refusals are counted as"
                    + " no_bandwidth)");
        }
        balance.set(0);
        topUpIfLow(true);
    }

    public BandwidthStatus status() {
        return new BandwidthStatus(balance.get(), noBandwidth.get(), paid.get(), failures.get());
    }

    /** @param refused the gateway just refused a packet: pay whatever the threshold */
    private void topUpIfLow(boolean refused) {
        long b = balance.get();
        boolean low = b >= 0 && (refused || b < topUpBelow); // a negative balance is unmetered or unknown
        if (!low || nanoTime.getAsLong() - notBefore < 0 || gateway == null) {
            return;
        }
        if (paying.compareAndSet(false, true)) {
            payments.execute(this::payNow);
        }
    }

    private void payNow() {
        try {
            GatewayPayment.Paid p = payer.pay(gateway);
            balance.set(p.balance());
            paid.incrementAndGet();
            LOG.info("paid the gateway with a credential: " + BandwidthStatus.mib(p.granted()) + " granted, "
                    + BandwidthStatus.mib(p.balance()) + " left");
        } catch (RuntimeException e) { // the payment thread lives on: the next report tries again
            failures.incrementAndGet();
            notBefore = nanoTime.getAsLong() + RETRY_AFTER.toNanos();
            LOG.warning("could not pay the gateway for bandwidth (next try in " + RETRY_AFTER.toSeconds() + " s): "
                    + e.getMessage());
        } finally {
            paying.set(false);
        }
    }
}
