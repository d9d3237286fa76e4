package nym.mixnode.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import nym.directory.api.DirectoryClient;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.GatewayPresence;
import nym.link.HandshakeGate;
import nym.link.LinkEstablished;
import nym.link.LinkException;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.PeerAuthorizer;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.lifecycle.MixNode;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.testing.InProcessDirectory;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.NodePublicKey;
import nym.sphinx.PacketBuilder;
import nym.sphinx.ProcessResult;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;

/**
 * Load driver for one mix node (not a test; run by {@code bench/forward.sh}). In one JVM: an in-process directory,
 * the node under test (layer 1, real Netty pipeline, default worker count), a sender posing as a gateway that writes
 * pre-built Sphinx packets over one Noise mix link, and a sink posing as a layer-2 node (a Noise responder, no Sphinx)
 * that timestamps every forwarded packet. The driver knows the node's key, so it pre-computes each packet's output and
 * matches arrivals to sends. Phases: as fast as the link takes them; paced at a fixed rate with zero delay; paced with
 * exponential (Poisson process) per-hop delays. The same run times, single-threaded, {@link SphinxProcessor#process}
 * alone (the per-hop cost) and one cell through a link alone (encrypt + frame + decrypt on two EmbeddedChannels: the
 * link cost a node pays per packet, once in and once out). Prints a Markdown table.
 */
public final class ForwardBench {

    private static final SphinxParams PARAMS = SphinxParams.DEFAULT;
    private static final LinkSettings LINK =
            LinkSettings.of(MixNodeConfig.MIX_LINK_KIND, PARAMS.packetSize(), PARAMS.packetSize());

    private record Load(byte[][] packets, long[] delays, Map<Long, Integer> byOutput) {}

    private record Result(
            String phase,
            int offered,
            double offeredRate,
            int delivered,
            double deliveredRate,
            long dropped,
            String dropReasons,
            double p50Ms,
            double p99Ms,
            double overheadP50Ms,
            double overheadP99Ms,
            double nodeCpuMicrosPerPacket) {}

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final NodeKeys nodeKeys = NodeKeys.generate(new SecureRandom());
    /** The node's Sphinx key of the epoch the bench runs in, read from its key ring once the epoch is known. */
    private NodeKeyPair nodeSphinx;

    private final NodeKeyPair sinkKey = NodeKeyPair.generate(new SecureRandom());
    private final NodeKeys senderKeys = NodeKeys.generate(new SecureRandom());
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final EventLoopGroup benchLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        long meanDelayMs = args.length > 2 ? Long.parseLong(args[2]) : 20;
        new ForwardBench().run(packets, rate, meanDelayMs);
    }

    private void run(int packets, int rate, long meanDelayMs) throws Exception {
        Path data = Files.createTempDirectory("mixnode-bench");
        try (InProcessDirectory directory = InProcessDirectory.start(Duration.ofMinutes(10), 1)) {
            Ed25519Identity sinkId = Ed25519Identity.generate();
            Sink sink = new Sink(LinkKeys.fromEd25519Seed(sinkId.secretKey()));
            // one mix layer: the node is in it, the sink (after the last layer) and the sender are gateways
            new DirectoryClient(directory.uri(), sinkId)
                    .postGateway(new GatewayPresence(
                            "127.0.0.1:9",
                            "127.0.0.1:" + sink.port(),
                            sinkId.publicKeyText(),
                            LongStream.rangeClosed(1, 3)
                                    .mapToObj(e -> directory.provenKey(sinkId.publicKeyText(), e, sinkKey))
                                    .toList(),
                            "bench",
                            "sink"));
            new DirectoryClient(directory.uri(), senderKeys.identity())
                    .postGateway(new GatewayPresence(
                            "127.0.0.1:9",
                            "127.0.0.1:9",
                            senderKeys.identityKeyText(),
                            LongStream.rangeClosed(1, 3)
                                    .mapToObj(e -> directory.provenKey(
                                            senderKeys.identityKeyText(), e, NodeKeyPair.generate(new SecureRandom())))
                                    .toList(),
                            "bench",
                            "sender"));
            MixNode node = MixNode.start(MixNodeConfig.builder(NodeMode.MIX, nodeKeys, directory.uri(), data)
                    .authorities(directory.authoritySet())
                    .mixnetPort(0)
                    .ioThreads(1)
                    .presenceInterval(Duration.ofSeconds(30))
                    .topologyRefresh(Duration.ofMinutes(5))
                    .build());
            try {
                directory.advanceEpoch();
                node.refreshTopology();
                nodeSphinx = node.keyRing().announced().get(0).pair();
                PerHop perHopBefore = perHopCost(1000);
                PerHop linkBefore = linkCost(1000);
                List<Result> results = new ArrayList<>();
                results.add(phase("max rate, zero delay", node, sink, build(packets, 0), 0));
                results.add(phase(rate + "/s, zero delay", node, sink, build(packets, 0), rate));
                results.add(phase(
                        rate + "/s, Poisson delays mean " + meanDelayMs + " ms",
                        node,
                        sink,
                        build(packets, meanDelayMs),
                        rate));
                PerHop perHopAfter = perHopCost(1000);
                PerHop linkAfter = linkCost(1000);
                print(
                        results,
                        perHopBefore,
                        perHopAfter,
                        linkBefore,
                        linkAfter,
                        node.config().cryptoWorkers());
            } finally {
                node.close();
                pool.shutdownNow();
                benchLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        }
    }

    /** Per-hop cost on one thread: wall-clock and CPU time, µs. */
    private record PerHop(double wallMicros, double cpuMicros) {}

    /**
     * Single-threaded SphinxProcessor cost per forwarding hop: after a warm-up batch, the fastest of three timed
     * batches of {@code n} (the fastest is the one least disturbed by other processes on a shared machine), in
     * wall-clock time and in this thread's CPU time (which other processes hardly inflate).
     */
    private PerHop perHopCost(int n) throws Exception {
        Load load = build(4 * n, 0);
        SphinxProcessor processor = new SphinxProcessor(PARAMS, nodeSphinx);
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int batch = 0; batch < 4; batch++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = batch * n; i < (batch + 1) * n; i++) {
                processor.process(load.packets()[i]);
            }
            if (batch > 0) {
                bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1000.0 / n);
                bestCpu = Math.min(bestCpu, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / n);
            }
        }
        return new PerHop(bestWall, bestCpu);
    }

    /**
     * Single-threaded cost of one cell through a mix link: encrypt and frame on one end, decrypt on the other (two
     * EmbeddedChannels, the real handlers). Same method as {@link #perHopCost}: best of three batches after a warm-up.
     */
    private PerHop linkCost(int n) {
        EmbeddedChannel out = new EmbeddedChannel();
        EmbeddedChannel in = new EmbeddedChannel();
        NoiseLink.initiator(
                out.pipeline(), LINK, senderKeys.link(), nodeKeys.link().publicKey(), f -> {});
        NoiseLink.responder(in.pipeline(), LINK, nodeKeys.link(), PeerAuthorizer.ANYONE, new HandshakeGate(1), f -> {});
        for (int round = 0; round < 2; round++) {
            moveAll(out, in);
            moveAll(in, out);
        }
        byte[] cell = new byte[PARAMS.packetSize()];
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int batch = 0; batch < 4; batch++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                out.writeOutbound(cell);
                moveAll(out, in);
                byte[] received = in.readInbound();
                if (received.length != cell.length) {
                    throw new IllegalStateException("the link changed a cell's size");
                }
            }
            if (batch > 0) {
                bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1000.0 / n);
                bestCpu = Math.min(bestCpu, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / n);
            }
        }
        out.finishAndReleaseAll();
        in.finishAndReleaseAll();
        return new PerHop(bestWall, bestCpu);
    }

    private static void moveAll(EmbeddedChannel from, EmbeddedChannel to) {
        for (ByteBuf frame; (frame = from.readOutbound()) != null; ) {
            to.writeInbound(frame);
        }
    }

    /** CPU time (ns) used so far by the node's threads (their names start with the node's name). */
    private static long nodeCpuNanos(String threadPrefix) {
        long total = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(threadPrefix)) {
                long t = THREADS.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    total += t;
                }
            }
        }
        return total;
    }

    /** Packets for the route node → sink, with the node's delay Exp(mean) (0: none); outputs indexed for matching. */
    private Load build(int n, long meanDelayMs) throws Exception {
        byte[][] packets = new byte[n][];
        long[] delays = new long[n];
        long[] outputKeys = new long[n];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(pool.submit(() -> {
                SecureRandom random = new SecureRandom();
                PacketBuilder builder = new PacketBuilder(PARAMS, random);
                SphinxProcessor processor = new SphinxProcessor(PARAMS, nodeSphinx);
                NodePublicKey nodeKey = nodeSphinx.publicKey();
                NodePublicKey sink = sinkKey.publicKey();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long delay = meanDelayMs == 0
                            ? 0
                            : (long) (-Math.log(1 - random.nextDouble()) * meanDelayMs * 1_000_000L);
                    byte[] bytes = builder.build(
                                    List.of(new RouteHop(nodeKey, delay), new RouteHop(sink, 0)),
                                    Destination.of(NodeAddress.of(new byte[32])),
                                    new byte[] {1})
                            .bytes();
                    ProcessResult.Forward out = (ProcessResult.Forward) processor.process(bytes);
                    packets[i] = bytes;
                    delays[i] = delay;
                    outputKeys[i] = ByteBuffer.wrap(out.packet()).getLong();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        Map<Long, Integer> byOutput = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            byOutput.put(outputKeys[i], i);
        }
        return new Load(packets, delays, byOutput);
    }

    private Result phase(String name, MixNode node, Sink sink, Load load, int rate) throws Exception {
        int n = load.packets().length;
        long[] sentAt = new long[n];
        long[] arrivedAt = sink.expect(load.byOutput(), n);
        NodeMetrics.Snapshot before = node.metrics().snapshot();
        String threadPrefix = "mix-" + nodeKeys.identityKeyText().substring(0, 6);
        long cpuBefore = nodeCpuNanos(threadPrefix);
        try (Sender sender = new Sender(node)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(Math.min(wait, 200_000));
                    }
                }
                sentAt[i] = System.nanoTime();
                sender.send(load.packets()[i], rate > 0 || i % 16 == 15);
            }
            sender.flush();
            long sendEnd = System.nanoTime();
            long maxDelay = Arrays.stream(load.delays()).max().orElse(0);
            long settle = System.nanoTime() + maxDelay + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < settle) {
                NodeMetrics.Snapshot d = node.metrics().snapshot().minus(before);
                if (d.received() == n && sink.count() + d.droppedTotal() >= n) {
                    break;
                }
                Thread.sleep(20);
            }
            NodeMetrics.Snapshot delta = node.metrics().snapshot().minus(before);
            // per packet that reached a crypto worker (those refused at a full queue cost next to nothing)
            long processed = delta.received() - delta.dropped(DropReason.CRYPTO_QUEUE_FULL);
            double cpuPerPacket = (nodeCpuNanos(threadPrefix) - cpuBefore) / 1000.0 / Math.max(1, processed);
            List<Double> latency = new ArrayList<>();
            List<Double> overhead = new ArrayList<>();
            long firstArrival = Long.MAX_VALUE;
            long lastArrival = 0;
            for (int i = 0; i < n; i++) {
                if (arrivedAt[i] != 0) {
                    latency.add((arrivedAt[i] - sentAt[i]) / 1e6);
                    overhead.add((arrivedAt[i] - sentAt[i] - load.delays()[i]) / 1e6);
                    firstArrival = Math.min(firstArrival, arrivedAt[i]);
                    lastArrival = Math.max(lastArrival, arrivedAt[i]);
                }
            }
            int delivered = latency.size();
            StringBuilder reasons = new StringBuilder();
            for (DropReason r : DropReason.values()) {
                if (delta.dropped(r) > 0) {
                    reasons.append(r.name().toLowerCase())
                            .append('=')
                            .append(delta.dropped(r))
                            .append(' ');
                }
            }
            for (LinkException.Kind k : LinkException.Kind.values()) {
                if (delta.linkFailures(k) > 0) {
                    reasons.append("link ")
                            .append(k.name().toLowerCase())
                            .append('=')
                            .append(delta.linkFailures(k))
                            .append(' ');
                }
            }
            latency.sort(null);
            overhead.sort(null);
            return new Result(
                    name,
                    n,
                    n / ((sendEnd - start) / 1e9),
                    delivered,
                    delivered < 2 ? 0 : delivered / ((lastArrival - start) / 1e9),
                    delta.droppedTotal(),
                    reasons.toString().trim(),
                    pct(latency, 0.5),
                    pct(latency, 0.99),
                    pct(overhead, 0.5),
                    pct(overhead, 0.99),
                    cpuPerPacket);
        }
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
    }

    private static void print(
            List<Result> results, PerHop before, PerHop after, PerHop linkBefore, PerHop linkAfter, int workers)
            throws IOException {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf(
                "%nMachine: %d CPUs, Java %s, load average at the end: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load);
        System.out.printf(
                "Sphinx per-hop cost, one thread, same run (best of 3 batches of 1000): wall %.1f µs before the phases,"
                        + " %.1f µs after; CPU %.1f µs before, %.1f µs after. The node runs %d crypto workers.%n%n",
                before.wallMicros(), after.wallMicros(), before.cpuMicros(), after.cpuMicros(), workers);
        System.out.printf(
                "Link (Noise) cost per packet, one thread, same run (one cell encrypted, framed and decrypted; best of 3"
                        + " batches of 1000): wall %.1f µs before the phases, %.1f µs after; CPU %.1f µs before,"
                        + " %.1f µs after. A node pays it once in and once out.%n%n",
                linkBefore.wallMicros(), linkAfter.wallMicros(), linkBefore.cpuMicros(), linkAfter.cpuMicros());
        System.out.println("| phase | packets | offered /s | forwarded | forwarded /s | dropped (reasons) |"
                + " latency p50 / p99 ms | minus chosen delay p50 / p99 ms | node CPU µs per packet |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(
                    "| %s | %d | %.0f | %d | **%.0f** | %d %s | %.1f / %.1f | %.1f / %.1f | %.1f |%n",
                    r.phase(),
                    r.offered(),
                    r.offeredRate(),
                    r.delivered(),
                    r.deliveredRate(),
                    r.dropped(),
                    r.dropReasons().isEmpty() ? "" : "(" + r.dropReasons() + ")",
                    r.p50Ms(),
                    r.p99Ms(),
                    r.overheadP50Ms(),
                    r.overheadP99Ms(),
                    r.nodeCpuMicrosPerPacket());
        }
    }

    /**
     * The gateway the packets come from: one mix link to the node (a Noise initiator with the announced gateway's
     * keys). Writes wait while the link is not writable, so send times are when the link took a packet.
     */
    private final class Sender implements AutoCloseable {
        private final Channel channel;

        Sender(MixNode node) throws InterruptedException {
            CompletableFuture<Void> established = new CompletableFuture<>();
            channel = new Bootstrap()
                    .group(benchLoops)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            NoiseLink.initiator(
                                    ch.pipeline(),
                                    LINK,
                                    senderKeys.link(),
                                    nodeKeys.link().publicKey(),
                                    f -> {});
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                    if (evt instanceof LinkEstablished) {
                                        established.complete(null);
                                    }
                                }
                            });
                        }
                    })
                    .connect(node.mixnetAddress())
                    .sync()
                    .channel();
            established.orTimeout(10, TimeUnit.SECONDS).join();
        }

        void send(byte[] packet, boolean flush) {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    throw new IllegalStateException("the node closed the mix link");
                }
                LockSupport.parkNanos(50_000);
            }
            if (flush) {
                channel.writeAndFlush(packet, channel.voidPromise());
            } else {
                channel.write(packet, channel.voidPromise());
            }
        }

        void flush() {
            channel.flush();
        }

        @Override
        public void close() throws InterruptedException {
            channel.close().sync();
        }
    }

    /**
     * A layer-2 node that only opens its mix links and timestamps the cells (no Sphinx, so it never limits the node):
     * a Noise responder on a Netty event loop of its own.
     */
    private final class Sink {
        private final AtomicInteger count = new AtomicInteger();
        private final Channel server;
        private volatile Map<Long, Integer> byOutput = Map.of();
        private volatile long[] arrivedAt = new long[0];

        Sink(LinkKeys keys) throws InterruptedException {
            server = new ServerBootstrap()
                    .group(benchLoops)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            NoiseLink.responder(
                                    ch.pipeline(), LINK, keys, PeerAuthorizer.ANYONE, new HandshakeGate(4), f -> {});
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<byte[]>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, byte[] cell) {
                                    arrived(cell);
                                }
                            });
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0)
                    .sync()
                    .channel();
        }

        int port() {
            return ((InetSocketAddress) server.localAddress()).getPort();
        }

        long[] expect(Map<Long, Integer> outputs, int n) {
            long[] arrivals = new long[n];
            count.set(0);
            arrivedAt = arrivals;
            byOutput = outputs;
            return arrivals;
        }

        int count() {
            return count.get();
        }

        private void arrived(byte[] cell) {
            long now = System.nanoTime();
            Integer i = byOutput.get(ByteBuffer.wrap(cell, 0, 8).getLong());
            if (i != null) {
                arrivedAt[i] = now;
                count.incrementAndGet();
            }
        }
    }
}
