package nym.client.network;

import static nym.client.network.TestClients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import nym.client.cli.RunningClient;
import nym.client.config.ClientConfig;
import nym.client.config.MixingOverride;
import nym.client.runtime.MixnetClient;
import nym.client.runtime.ReceivedMessage;
import nym.client.traffic.TrafficCounters;
import nym.directory.api.EpochDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the rate of loops returning to a client does not change when it sends real messages, so its own gateway
 * cannot tell from the downlink when its user sends. On a real in-process mixnet (one mix node per layer, two
 * gateways pushing 100 cells/s), alice's loops returned are counted over an idle window of {@link #WINDOW} and over an
 * equal window while a real message for bob is always queued (so every payload tick carries one). A delayed Poisson
 * process with independent delays is still Poisson with the same rate, so each count is Poisson with mean λL·T; both
 * must lie in its central interval at {@link #CONFIDENCE}. Had real messages displaced loops (the old single stream),
 * the second count would be near 0; had they halved the loop rate, about λL·T/2, far outside the interval.
 */
class LoopReturnRateTest {

    /** What the test authorities sign into every epoch document: fast streams, 5 ms per hop. */
    private static final EpochDocument.Mixing RATES = new EpochDocument.Mixing(5, 10.0, 10.0, 10.0);

    /** λP = λL = 10/s (λD = 10/s too): the returning loops use a tenth of the gateway's 100 downlink cells/s. */
    private static final ClientConfig.Traffic TRAFFIC =
            new ClientConfig.Traffic(MixingOverride.NONE, Duration.ofSeconds(3), 1000);

    /** λL·T = 100 loops per window: its 99.9% interval is [69, 134], so a loop rate a third lower or higher fails. */
    private static final Duration WINDOW = Duration.ofSeconds(10);

    /** Per count; three counts make a false failure about 0.3% likely. */
    private static final double CONFIDENCE = 0.999;

    /** Far more than the payload stream sends in a window (P(Poisson(100) ≥ 250) is negligible). */
    private static final int QUEUED = 250;

    @TempDir
    Path dir;

    @Test
    void loopReturnRate_whileSendingAtThePayloadRate_unchangedWithinThePoissonInterval() throws Exception {
        try (InProcessMixnet net = new InProcessMixnet(dir.resolve("nodes"), 1, 2, RATES);
                RunningClient aliceProcess =
                        TestClients.start(net, dir.resolve("alice"), net.gateways.get(0), TRAFFIC);
                RunningClient bobProcess = TestClients.start(net, dir.resolve("bob"), net.gateways.get(1), TRAFFIC)) {
            MixnetClient alice = aliceProcess.client();
            MixnetClient bob = bobProcess.client();
            // loops in flight from the start: a window opened after the first return sees the steady state
            await("alice's first loop back", () -> alice.status().traffic().loopsReceived() > 0);

            Window idle = Window.measure(alice);
            assertEquals(0, idle.realSent(), "idle: nothing queued");
            assertLoopsWithinInterval("idle", idle);

            TrafficCounters.Snapshot beforeSending = alice.status().traffic();
            for (int i = 0; i < QUEUED; i++) {
                alice.send(bob.address(), message(i), false);
            }
            Window sending = Window.measure(alice);
            assertTrue(alice.status().queued() > 0, "a message was queued through the whole window");
            assertLoopsWithinInterval("sending", sending);
            PoissonInterval payload = PoissonInterval.of(RATES.payloadRate() * sending.seconds(), 1 - CONFIDENCE);
            assertTrue(
                    payload.contains(sending.realSent()),
                    "real messages sent at λP: " + sending.realSent() + " outside " + payload);

            // every real message alice sent up to the window's end arrives at bob (the queue is sent in order)
            long sent = alice.status().traffic().realSent() - beforeSending.realSent();
            Set<String> atBob = new HashSet<>();
            await("alice's real messages at bob", () -> {
                bob.fetch(QUEUED).forEach(m -> atBob.add(text(m)));
                return atBob.size() >= sent;
            });
            for (int i = 0; i < sent; i++) {
                assertTrue(atBob.contains(new String(message(i), StandardCharsets.UTF_8)), "message " + i + " at bob");
            }
            System.out.printf(
                    "loops back in %.1f s: idle %d, sending %d (interval %s); real messages sent %d%n",
                    idle.seconds(),
                    idle.loopsReturned(),
                    sending.loopsReturned(),
                    PoissonInterval.of(RATES.loopRate() * idle.seconds(), 1 - CONFIDENCE),
                    sending.realSent());
        }
    }

    private static void assertLoopsWithinInterval(String what, Window w) {
        PoissonInterval interval = PoissonInterval.of(RATES.loopRate() * w.seconds(), 1 - CONFIDENCE);
        assertTrue(
                interval.contains(w.loopsReturned()),
                what + ": " + w.loopsReturned() + " loops back in " + w.seconds() + " s, outside " + interval);
    }

    private static byte[] message(int i) {
        return ("real message " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ReceivedMessage m) {
        return new String(m.message(), StandardCharsets.UTF_8);
    }

    /** What one client counted over {@link #WINDOW}; the expectation uses the window's measured length. */
    private record Window(double seconds, long loopsReturned, long realSent) {

        static Window measure(MixnetClient client) throws InterruptedException {
            TrafficCounters.Snapshot before = client.status().traffic();
            long start = System.nanoTime();
            Thread.sleep(WINDOW.toMillis());
            TrafficCounters.Snapshot after = client.status().traffic();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Window(
                    seconds, after.loopsReceived() - before.loopsReceived(), after.realSent() - before.realSent());
        }
    }
}
