package nym.mixnode.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.mixnode.cryptoworker.Opened;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.TopologyView;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.ProcessResult;
import org.junit.jupiter.api.Test;

/**
 * The forwarding stage under fault injection: a layer-1 node's {@link Forwarder} with a seeded generator, in front of
 * a {@link DelayScheduler} that is not started, so every packet it schedules stays countable in it.
 */
class InjectedDropsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PACKETS = 10_000;

    private final NodeKeys self = NodeKeys.generate(RANDOM);
    private final NodeKeyPair layer2Sphinx = NodeKeyPair.generate(RANDOM);
    private final NodeAddress layer2 =
            NodeAddress.derive(layer2Sphinx.publicKey().toBytes());
    private final NodeMetrics metrics = new NodeMetrics();
    private final DelayScheduler scheduler = new DelayScheduler("test", PACKETS * 2, metrics, (peer, packet) -> {});
    private final TopologyView view = new TopologyView(self.identityKeyText());

    InjectedDropsTest() {
        view.update(List.of(document()));
    }

    @Test
    void forward_halfDropped_aboutHalfScheduledTheRestCountedAsInjectedFaults() {
        Forwarder forwarder = forwarder(new InjectedDrops(0.5, new SplittableRandom(21)::nextDouble));
        for (int i = 0; i < PACKETS; i++) {
            forwarder.forward(packetTo(layer2));
        }
        long dropped = metrics.snapshot().dropped(DropReason.INJECTED_FAULT);
        // Binomial(10,000, 0.5): sd 50, so 4 sd either side
        assertTrue(Math.abs(dropped - PACKETS / 2) < 200, "dropped " + dropped);
        assertEquals(PACKETS - dropped, scheduler.size(), "every packet not dropped goes on");
        assertEquals(dropped, metrics.snapshot().droppedTotal(), "no other drop");
        assertEquals(0, metrics.snapshot().sentTotal(), "a dropped packet is not counted as sent");
    }

    @Test
    void forward_noFault_everyPacketScheduled() {
        Forwarder forwarder = forwarder(InjectedDrops.of(0.0));
        for (int i = 0; i < 100; i++) {
            forwarder.forward(packetTo(layer2));
        }
        assertEquals(100, scheduler.size());
        assertEquals(0, metrics.snapshot().droppedTotal());
    }

    @Test
    void forward_oneDrawPerForwardablePacket_noneForPacketsDroppedAnyway() {
        AtomicInteger draws = new AtomicInteger();
        DoubleSupplier alwaysDrop = () -> {
            draws.incrementAndGet();
            return 0.0;
        };
        Forwarder forwarder = forwarder(new InjectedDrops(0.25, alwaysDrop));
        NodeAddress stranger =
                NodeAddress.derive(NodeKeyPair.generate(RANDOM).publicKey().toBytes());
        forwarder.forward(packetTo(layer2));
        forwarder.forward(packetTo(stranger));
        forwarder.forward(new Opened<>(
                1, new ProcessResult.Forward(layer2, Duration.ofHours(1).toNanos(), new byte[8], null)));
        assertEquals(1, draws.get());
        assertEquals(1, metrics.snapshot().dropped(DropReason.INJECTED_FAULT));
        assertEquals(1, metrics.snapshot().dropped(DropReason.UNKNOWN_NEXT_HOP));
        assertEquals(1, metrics.snapshot().dropped(DropReason.DELAY_TOO_LONG));
        assertEquals(0, scheduler.size());
    }

    @Test
    void constructor_probabilityOutsideZeroToBelowOne_refused() {
        for (double p : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new InjectedDrops(p, () -> 0.5), "p = " + p);
        }
    }

    private Forwarder forwarder(InjectedDrops drops) {
        return new Forwarder(Duration.ofSeconds(60), view, scheduler, metrics, drops);
    }

    private static Opened<ProcessResult.Forward> packetTo(NodeAddress next) {
        return new Opened<>(1, new ProcessResult.Forward(next, 1_000_000, new byte[8], null));
    }

    /** Epoch 1: this node alone in layer 1, the node of {@code layer2Sphinx} in layer 2, one more in layer 3. */
    private EpochDocument document() {
        List<EpochDocument.Layer> layers = new ArrayList<>();
        layers.add(layer(1, self.identityKeyText(), sphinxKey()));
        layers.add(layer(
                2,
                NodeKeys.generate(RANDOM).identityKeyText(),
                Keys.encode(layer2Sphinx.publicKey().toBytes())));
        layers.add(layer(3, NodeKeys.generate(RANDOM).identityKeyText(), sphinxKey()));
        return new EpochDocument(
                EpochDocument.VERSION,
                1,
                0,
                1000,
                1100,
                "",
                new EpochDocument.Mixing(50, 1, 1, 1),
                layers,
                List.of(new EpochDocument.Gateway(
                        NodeKeys.generate(RANDOM).identityKeyText(),
                        "127.0.0.1:2",
                        "127.0.0.1:3",
                        sphinxKey(),
                        sphinxKey(),
                        "t",
                        "t",
                        null)));
    }

    private static EpochDocument.Layer layer(int layer, String identity, String sphinxKey) {
        return new EpochDocument.Layer(
                layer,
                List.of(new EpochDocument.Mixnode(
                        identity, "127.0.0.1:" + (10 + layer), layer, sphinxKey, sphinxKey(), "t", "t", null)));
    }

    private static String sphinxKey() {
        return Keys.encode(NodeKeyPair.generate(RANDOM).publicKey().toBytes());
    }
}
