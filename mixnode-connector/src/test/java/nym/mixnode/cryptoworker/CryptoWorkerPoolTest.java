package nym.mixnode.cryptoworker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nym.mixnode.keys.RingPackets;
import nym.mixnode.keys.SphinxKeyRing;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.metrics.ReplayFilterGauges;
import nym.mixnode.replay.ReplayFilterSettings;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.ProcessResult;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crypto workers with a real key ring in a real node home: which keys open a packet, what is reported with it,
 * and that replays stay refused across a restart.
 */
class CryptoWorkerPoolTest {

    private static final long EPOCH_MILLIS = 60_000;
    private static final long DELAY = 1_234_567;

    @TempDir
    Path home;

    private final AtomicLong now = new AtomicLong(5 * EPOCH_MILLIS + 10);
    private final SecureRandom random = seeded(17);
    private final BlockingQueue<Opened<ProcessResult.Forward>> forwarded = new LinkedBlockingQueue<>();
    private final BlockingQueue<Opened<ProcessResult.Final>> delivered = new LinkedBlockingQueue<>();
    private final List<CryptoWorkerPool> pools = new ArrayList<>();
    private final NodeMetrics metrics = new NodeMetrics();
    private final ReplayFilterSettings settings = ReplayFilterSettings.DEFAULTS.withPeakPacketsPerSecond(10);

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (CryptoWorkerPool pool : pools) {
            pool.drainAndStop(Duration.ZERO);
        }
    }

    private SphinxKeyRing ring() throws Exception {
        return SphinxKeyRing.open(
                home.resolve("keys"), home.resolve("data/replay"), settings, new SecureRandom(), now::get);
    }

    /** A ring that has followed the document of epoch 5, the first it saw. */
    private SphinxKeyRing ringInEpoch5() throws Exception {
        SphinxKeyRing ring = ring();
        ring.advance(5, 0, EPOCH_MILLIS);
        return ring;
    }

    /** The clock {@code millisIn} into epoch 6 and the ring following its document: epoch 5's key lasts 15 s more. */
    private void enterEpoch6(SphinxKeyRing ring, long millisIn) {
        now.set(6 * EPOCH_MILLIS + millisIn);
        ring.advance(6, 6 * EPOCH_MILLIS + 15_000, EPOCH_MILLIS);
    }

    private CryptoWorkerPool pool(SphinxKeyRing ring) {
        CryptoWorkerPool pool = new CryptoWorkerPool(
                "test", 2, 256, SphinxParams.DEFAULT, ring, metrics, forwarded::add, delivered::add);
        pool.start();
        pools.add(pool);
        return pool;
    }

    private static NodeKeyPair key(SphinxKeyRing ring, long epoch) {
        return ring.announced().stream()
                .filter(k -> k.epoch() == epoch)
                .findFirst()
                .orElseThrow()
                .pair();
    }

    /** Waits until {@code n} packets have been forwarded, delivered or dropped (each packet ends one way). */
    private void awaitOutcomes(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (forwarded.size() + delivered.size() + metrics.snapshot().droppedTotal() < n) {
            assertTrue(System.nanoTime() < deadline, "packets not processed: " + metrics.snapshot());
            Thread.sleep(2);
        }
    }

    @Test
    void submit_capturedPacketAfterTheNodeRestarts_droppedAsReplay() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();
        byte[] captured = RingPackets.forward(key(ring, 5), DELAY, random);
        pool(ring).submit(captured);
        awaitOutcomes(1);
        assertEquals(5, forwarded.take().keyEpoch());
        pools.remove(0).drainAndStop(Duration.ofSeconds(5));
        ring.close();

        SphinxKeyRing restarted = ringInEpoch5();
        CryptoWorkerPool again = pool(restarted);
        again.submit(captured);
        again.submit(RingPackets.forward(key(restarted, 5), DELAY, random));
        awaitOutcomes(2);

        assertEquals(1, metrics.snapshot().dropped(DropReason.REPLAY));
        assertEquals(1, forwarded.size(), "a fresh packet still goes through");
    }

    @Test
    void submit_previousKeyWithinGrace_forwardedWithThatKeysEpoch() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();
        byte[] built = RingPackets.forward(key(ring, 5), DELAY, random);
        enterEpoch6(ring, 1);

        pool(ring).submit(built);
        awaitOutcomes(1);

        Opened<ProcessResult.Forward> opened = forwarded.take();
        assertEquals(5, opened.keyEpoch());
        assertEquals(RingPackets.NEXT_HOP.address(), opened.result().nextHop());
        assertEquals(DELAY, opened.result().delayNanos());
    }

    @Test
    void submit_nextEpochsKey_forwardedWithTheNextEpoch() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();

        pool(ring).submit(RingPackets.forward(key(ring, 6), DELAY, random));
        awaitOutcomes(1);

        assertEquals(6, forwarded.take().keyEpoch());
    }

    @Test
    void submit_keyPastItsGrace_droppedAsUnknownKey() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();
        byte[] built = RingPackets.forward(key(ring, 5), DELAY, random);
        enterEpoch6(ring, 20_000);

        pool(ring).submit(built);
        awaitOutcomes(1);

        assertEquals(1, metrics.snapshot().dropped(DropReason.UNKNOWN_KEY));
        assertTrue(forwarded.isEmpty());
    }

    @Test
    void submit_keyTwoEpochsAheadOrForeign_droppedAsUnknownKey() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();
        CryptoWorkerPool pool = pool(ring);

        pool.submit(RingPackets.forward(key(ring, 7), DELAY, random));
        pool.submit(RingPackets.forward(NodeKeyPair.generate(random), DELAY, random));
        awaitOutcomes(2);

        assertEquals(2, metrics.snapshot().dropped(DropReason.UNKNOWN_KEY), "epoch 7's key is announced, not used");
    }

    @Test
    void submit_beforeTheFirstDocument_droppedAsUnknownKey() throws Exception {
        SphinxKeyRing ring = ring();

        pool(ring).submit(RingPackets.forward(NodeKeyPair.generate(random), DELAY, random));
        awaitOutcomes(1);

        assertEquals(1, metrics.snapshot().dropped(DropReason.UNKNOWN_KEY));
    }

    @Test
    void submit_wrongLength_droppedAsInvalidPacket() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();

        pool(ring).submit(new byte[100]);
        awaitOutcomes(1);

        assertEquals(1, metrics.snapshot().dropped(DropReason.INVALID_PACKET));
    }

    @Test
    void submit_finalHop_deliveredWithTheKeysEpoch() throws Exception {
        SphinxKeyRing ring = ringInEpoch5();

        pool(ring).submit(RingPackets.last(key(ring, 5), RingPackets.NEXT_HOP.address(), random));
        awaitOutcomes(1);

        Opened<ProcessResult.Final> opened = delivered.take();
        assertEquals(5, opened.keyEpoch());
        assertEquals(RingPackets.NEXT_HOP.address(), opened.result().destination());
    }

    /**
     * A filter designed for 100 packets (10/s over 8 s + 2 s of grace) given 150 different packets: it says it is
     * saturated and still forwards them all (fixed seed: at 1.5 times its load the chance of any false positive
     * among them is under 1 %).
     */
    @Test
    void submit_filterOverItsCapacity_freshPacketsStillForwarded() throws Exception {
        long shortEpoch = 8_000;
        SphinxKeyRing ring = ring();
        ring.advance(5, 0, shortEpoch);
        assertEquals(100, ring.openKeys().get(0).filter().capacity());
        CryptoWorkerPool pool = pool(ring);
        NodeKeyPair current = key(ring, 5);
        int n = 150;
        for (int i = 0; i < n; i++) {
            assertTrue(pool.submit(RingPackets.forward(current, DELAY, random)), "the queue holds 256");
        }
        awaitOutcomes(n);

        assertEquals(n, forwarded.size(), metrics.snapshot().toString());
        ReplayFilterGauges.Filter gauge = ring.gauges().filters().get(0);
        assertTrue(gauge.saturated());
        assertEquals(n, gauge.inserted());
    }
}
