package nym.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nym.client.runtime.LoopListener;
import nym.client.topology.GatewayNode;
import nym.client.topology.MixNode;
import nym.client.topology.MixTopology;
import nym.client.topology.Mixing;
import nym.client.topology.RouteSelector;
import nym.client.traffic.PacketFactory;
import nym.client.traffic.StreamScheduler;
import nym.client.traffic.TrafficStreams;
import nym.sphinx.EncryptionKeyPair;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.ProcessResult;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxProcessor;
import org.junit.jupiter.api.Test;

/**
 * At a mix node, the monitor's test packets look like any client's loop cover: the monitor's clients are ordinary
 * {@code MixnetClient}s whose loops leave through the same {@link PacketFactory}, {@link RouteSelector} and
 * {@link TrafficStreams} as a user's (the monitor only adds a {@link LoopListener}, which watches). Over one topology,
 * loops of a plain client (its gateway, its keys) and of a monitor's client (another gateway, other keys, its loops
 * fed to the monitor's {@link LoopOutcomes} as {@code MixnetClient} does) are opened by the layer-1 node that receives
 * them: same packet length, same route length, and per-hop delays whose two-sample Kolmogorov–Smirnov statistic stays
 * below the critical value at α = 0.001; the loop streams' send gaps likewise, with the mean 1/λL of the document.
 * Fixed seeds: the test gives the same result on every run.
 */
class IndistinguishabilityTest {

    private static final int LOOPS = 1000;
    /** √(−ln(α/2)/2) for α = 0.001: the two-sample statistic's asymptotic critical value times √(nm/(n+m)). */
    private static final double C_ALPHA = Math.sqrt(-Math.log(0.001 / 2) / 2);

    private static final Mixing MIXING = new Mixing(Duration.ofMillis(50), 2.0, 1.0, 1.0);

    /** The mix nodes' Sphinx keys, to open packets as the nodes do. */
    private final Map<String, NodeKeyPair> nodeKeys = new HashMap<>();

    private final MixTopology topology;

    IndistinguishabilityTest() throws NoSuchAlgorithmException {
        SecureRandom keys = seeded(1);
        List<List<MixNode>> layers = new ArrayList<>();
        for (int layer = 1; layer <= 3; layer++) {
            List<MixNode> nodes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                NodeKeyPair pair = NodeKeyPair.generate(keys);
                String identity = "mix-" + layer + "-" + i;
                nodeKeys.put(identity, pair);
                nodes.add(new MixNode(identity, pair.publicKey(), layer, "127.0.0.1"));
            }
            layers.add(nodes);
        }
        List<GatewayNode> gateways = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            gateways.add(new GatewayNode(
                    "gateway-" + g, NodeKeyPair.generate(keys).publicKey(), "127.0.0.1:1" + g, "127.0.0.1:2" + g));
        }
        topology = new MixTopology(7, 7 * 3_600_000L, 8 * 3_600_000L, MIXING, layers, gateways, 0);
    }

    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    /** What a layer-1 node learns of each loop: the packet's length and the delay it must hold it. */
    private record Seen(int length, long layerOneDelayNanos, List<Long> allDelaysNanos, int routeLength) {}

    /** {@link #LOOPS} loops as {@code MixnetClient}'s loop tick builds them, each opened at its layer-1 node. */
    private List<Seen> loopsOf(int gateway, long seed, LoopListener listener) throws Exception {
        SecureRandom random = seeded(seed);
        PacketFactory packets = new PacketFactory(nym.sphinx.SphinxParams.DEFAULT, new RouteSelector(random), random);
        NodeAddress self = NodeAddress.of(EncryptionKeyPair.generate(random).publicKey());
        byte[] encryption = EncryptionKeyPair.generate(random).publicKey();
        GatewayNode own = topology.gateways().get(gateway);
        List<Seen> seen = new ArrayList<>();
        for (long id = 0; id < LOOPS; id++) {
            PacketFactory.Built loop = packets.loop(topology, own, self, encryption, id);
            listener.sent(new LoopListener.LoopSent(
                    id, loop.route().mixIdentities(), own.identityKey(), topology.epoch(), topology.startMillis()));
            SphinxProcessor layerOne = new SphinxProcessor(
                    nym.sphinx.SphinxParams.DEFAULT,
                    nodeKeys.get(loop.route().mixes().get(0).identityKey()));
            ProcessResult.Forward forward = assertInstanceOf(
                    ProcessResult.Forward.class, layerOne.process(loop.packet().bytes()));
            assertEquals(loop.packet().bytes().length, forward.packet().length, "a node forwards what it received");
            seen.add(new Seen(
                    loop.packet().bytes().length,
                    forward.delayNanos(),
                    loop.route().hops().stream()
                            .limit(topology.layers().size())
                            .map(RouteHop::delayNanos)
                            .toList(),
                    loop.route().hops().size()));
        }
        return seen;
    }

    @Test
    void monitorLoopsAndClientLoops_sameLengthRouteLengthAndHopDelayDistribution() throws Exception {
        List<Seen> client = loopsOf(0, 11, LoopListener.NONE);
        LoopOutcomes monitor = new LoopOutcomes(EpochSchedule.of(3600, Duration.ofSeconds(20)));
        List<Seen> monitored = loopsOf(1, 12, monitor.listenerFor(1));

        assertEquals(LOOPS, monitor.take(topology.epoch()).size(), "every monitor loop was a sample");
        assertEquals(
                List.of(nym.sphinx.SphinxParams.DEFAULT.packetSize()),
                distinct(client, monitored, Seen::length),
                "one packet length");
        assertEquals(List.of(4), distinct(client, monitored, Seen::routeLength), "3 mix nodes and the gateway");

        double layerOne = twoSampleStatistic(
                client.stream().mapToDouble(Seen::layerOneDelayNanos).toArray(),
                monitored.stream().mapToDouble(Seen::layerOneDelayNanos).toArray());
        assertTrue(layerOne < critical(LOOPS, LOOPS), "layer-1 delays: D = " + layerOne);
        double everyHop = twoSampleStatistic(allDelays(client), allDelays(monitored));
        assertTrue(everyHop < critical(3 * LOOPS, 3 * LOOPS), "every hop's delay: D = " + everyHop);
    }

    @Test
    void monitorAndClientLoopStreams_sameExponentialGapsAtTheDocumentsLoopRate() throws Exception {
        double[] client = loopGaps(21);
        double[] monitor = loopGaps(22);

        double d = twoSampleStatistic(client, monitor);
        assertTrue(d < critical(client.length, monitor.length), "send gaps: D = " + d);
        double mean = Arrays.stream(monitor).average().orElseThrow() / 1e9;
        double expected = 1 / MIXING.loopRate();
        // the mean of n exponential gaps has standard deviation mean/√n: 5 of them is far beyond chance
        assertTrue(Math.abs(mean - expected) < 5 * expected / Math.sqrt(monitor.length), "mean gap " + mean + " s");
    }

    /**
     * The gaps between the loops {@link TrafficStreams} sends at the topology's rates (as {@code MixnetClient} starts
     * it), on a clock that jumps to each scheduled time.
     */
    private double[] loopGaps(long seed) throws Exception {
        SecureRandom seeds = seeded(seed);
        SteppingScheduler clock = new SteppingScheduler();
        List<Long> sentAt = new ArrayList<>();
        TrafficStreams streams = new TrafficStreams(
                new TrafficStreams.Rates(0, MIXING.loopRate(), 0),
                () -> new java.util.SplittableRandom(seeds.nextLong()),
                new TrafficStreams.PacketSender() {
                    @Override
                    public boolean sendQueued() {
                        return true;
                    }

                    @Override
                    public void sendLoop() {
                        sentAt.add(clock.nanoTime());
                    }

                    @Override
                    public void sendDrop() {}
                });
        streams.start(clock);
        while (sentAt.size() <= 2 * LOOPS) {
            clock.runNext();
        }
        streams.stop();
        double[] gaps = new double[sentAt.size() - 1];
        for (int i = 1; i < sentAt.size(); i++) {
            gaps[i - 1] = sentAt.get(i) - sentAt.get(i - 1);
        }
        return gaps;
    }

    /** One stream's scheduler: a single task pending at a time, run when asked, the clock moved to its time. */
    private static final class SteppingScheduler implements StreamScheduler {
        private long now;
        private long due;
        private Runnable next;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            due = now + delayNanos;
            next = task;
            return () -> next = null;
        }

        void runNext() {
            Runnable task = next;
            now = due;
            task.run();
        }
    }

    private static <T> List<T> distinct(List<Seen> a, List<Seen> b, java.util.function.Function<Seen, T> what) {
        List<Seen> both = new ArrayList<>(a);
        both.addAll(b);
        return both.stream().map(what).distinct().toList();
    }

    private static double[] allDelays(List<Seen> seen) {
        return seen.stream()
                .flatMap(s -> s.allDelaysNanos().stream())
                .mapToDouble(Long::doubleValue)
                .toArray();
    }

    /** D = sup |F_a(x) − F_b(x)| of the two empirical distributions. */
    private static double twoSampleStatistic(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    private static double critical(int n, int m) {
        return C_ALPHA * Math.sqrt((double) (n + m) / ((double) n * m));
    }
}
