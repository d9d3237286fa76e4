package nym.mixnode.replay;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nym.mixnode.keys.SphinxKeyRing;
import nym.sphinx.Destination;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.ProcessResult;
import nym.sphinx.ReplayGuard;
import nym.sphinx.ReplayTag;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A forwarding hop's cost ({@code processForwardHop}) and the replay check's alone ({@code recordTag}) with the
 * replay filter of the node's key ring, one thread, in one run: with the filter
 * written to disk every {@code persistMillis} by the ring's persister thread ({@code persisted}), with the same filter
 * in memory only ({@code memory}), and without any replay check ({@code none}, the baseline). The ring holds the
 * default filters (5,000 packets/s over a 1 h epoch and 2 min of grace at 1e-6: 67 MB per key, two keys in use), in a
 * temporary node home.
 *
 * <p>Every call records a tag the filter has not seen: the packets are a fixed set of pre-built ones, so each tag is
 * given a counter in its first 8 bytes before the filter sees it (the same few nanoseconds in every mode). Otherwise
 * the second pass over the set would measure replays, which stop before the β stream and Lioness.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 10)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
@Threads(1)
public class ReplayFilterBenchmark {

    private static final int PACKETS = 512;
    private static final long EPOCH_MILLIS = 3_600_000;

    @Param({"persisted", "memory", "none"})
    public String filter;

    @Param({"10000"})
    public long persistMillis;

    private Path home;
    private SphinxKeyRing ring;
    private SphinxProcessor processor;
    private ReplayGuard guard;
    private byte[][] packets;
    private ReplayTag[] tags;
    private int next;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        home = Files.createTempDirectory("replay-bench");
        ReplayFilterSettings settings =
                ReplayFilterSettings.DEFAULTS.withPersistInterval(java.time.Duration.ofMillis(persistMillis));
        long epoch = System.currentTimeMillis() / EPOCH_MILLIS;
        ring = SphinxKeyRing.open(
                home.resolve("keys"),
                home.resolve("data/replay"),
                settings,
                new SecureRandom(),
                System::currentTimeMillis);
        ring.advance(epoch, 0, EPOCH_MILLIS);
        SphinxKeyRing.OpenKey current = ring.openKeys().get(0);
        processor = new SphinxProcessor(SphinxParams.DEFAULT, current.pair());
        BloomReplayFilter bloom = current.filter();
        guard = switch (filter) {
            case "none" -> ReplayGuard.NONE;
            default -> tag -> bloom.firstSeen(counted(tag.toBytes()));
        };
        if (filter.equals("persisted")) {
            ring.startPersisting();
        }
        packets = build(current.pair());
        tags = new ReplayTag[PACKETS];
        for (int i = 0; i < PACKETS; i++) {
            tags[i] = processor.process(packets[i]).replayTag();
        }
    }

    private byte[] counted(byte[] tag) {
        ByteBuffer.wrap(tag).putLong(0, counter++);
        return tag;
    }

    private static byte[][] build(NodeKeyPair key) throws SphinxException {
        SecureRandom random = new SecureRandom();
        PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, random);
        NodeKeyPair nextHop = NodeKeyPair.generate(random);
        byte[][] out = new byte[PACKETS][];
        for (int i = 0; i < PACKETS; i++) {
            out[i] = builder.build(
                            List.of(new RouteHop(key.publicKey(), 1_000), new RouteHop(nextHop.publicKey(), 0)),
                            Destination.of(nextHop.address()),
                            new byte[] {1})
                    .bytes();
        }
        return out;
    }

    @Benchmark
    public ProcessResult processForwardHop() throws SphinxException {
        byte[] packet = packets[next];
        next = (next + 1) % PACKETS;
        return processor.process(packet, guard);
    }

    /** The replay check alone (what the filter adds to a hop): k positions in a 67 MB array, mostly cache misses. */
    @Benchmark
    public boolean recordTag() {
        return guard.firstSeen(tags[next = (next + 1) % PACKETS]);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        ring.close();
        System.out.println("\n" + filter + ": " + ring.gauges());
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
