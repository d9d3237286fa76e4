package nym.client.runtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.client.ClientException;
import nym.client.api.ClientOperations;
import nym.client.config.ClientConfig;
import nym.client.gateway.DeliveredOnce;
import nym.client.gateway.GatewayLink;
import nym.client.gateway.GatewaySession;
import nym.client.keys.ClientKeys;
import nym.client.qos.LoopStatistics;
import nym.client.replies.BoundedStore;
import nym.client.topology.GatewayNode;
import nym.client.topology.MixTopology;
import nym.client.topology.Mixing;
import nym.client.topology.RouteSelector;
import nym.client.topology.TopologySource;
import nym.client.traffic.Envelope;
import nym.client.traffic.PacketFactory;
import nym.client.traffic.StreamScheduler;
import nym.client.traffic.TrafficCounters;
import nym.client.traffic.TrafficStreams;
import nym.directory.api.Keys;
import nym.gateway.api.ClientAddress;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.GatewayProtocolException;
import nym.sphinx.NodeAddress;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxParams;
import nym.sphinx.Surb;
import nym.sphinx.SurbId;
import nym.sphinx.SurbPair;
import nym.sphinx.SurbSecret;

/**
 * A running mixnet client (the composition root of the library). Start order: verified epoch document, gateway
 * session, the three Poisson streams ({@link TrafficStreams}: payload, loop, drop) at the document's rates, then the
 * housekeeping tasks (epoch documents, loop expiry, gateway reconnect). {@link #close()} stops them in reverse order.
 *
 * <p>Epochs: the {@link TopologySource} holds the current and the next signed document; a timer set to the next
 * epoch's start switches the topology at the boundary, and the streams start again when the new document's rates
 * differ. Packets are never built over a document past its validity: the ticks fail (counted) until a newer one is
 * held.
 *
 * <p>Threads: one traffic thread owns packet building (the streams); one housekeeping thread does the blocking
 * directory and gateway work; the gateway session's reader thread handles deliveries; one payment thread pays the
 * gateway for bandwidth when it runs low ({@link BandwidthMeter}). Applications call {@link
 * #send}, {@link #reply}, {@link #fetch} and {@link #status} from any thread.
 */
public final class MixnetClient implements ClientOperations, AutoCloseable {

    /** Loops over which reliability and round-trip times are reported. */
    public static final int LOOP_WINDOW = 200;
    /** Received messages kept until an application fetches them; older ones are dropped and counted. */
    public static final int INBOX_LIMIT = 10_000;
    /** SURBs kept (ours, to open replies; others', to answer); the oldest are forgotten. */
    public static final int SURB_LIMIT = 10_000;
    /** Messages from the gateway remembered so one sent again is not delivered twice. */
    static final int DELIVERED_MEMORY = 10_000;

    private static final Logger LOG = Logger.getLogger(MixnetClient.class.getName());

    private final ClientConfig config;
    private final ClientKeys keys;
    private final SphinxParams sphinx;
    private final DeliveredOnce delivered = new DeliveredOnce(DELIVERED_MEMORY);
    private final byte[] gatewayIdentity;
    private final String address;
    private final NodeAddress self;
    private final SecureRandom random = new SecureRandom();
    private final TopologySource topologySource;
    private final PacketFactory packets;
    private final DeliveryOpener opener;
    private final LoopStatistics loops;
    private final LoopListener loopListener;
    private final TrafficCounters counters = new TrafficCounters();
    private final BlockingQueue<Outgoing> queue;
    private final ArrayDeque<ReceivedMessage> inbox = new ArrayDeque<>();
    private final BoundedStore<SurbId, SurbSecret> ownSurbs = new BoundedStore<>(SURB_LIMIT);
    private final BoundedStore<String, byte[]> receivedSurbs = new BoundedStore<>(SURB_LIMIT);
    private final AtomicLong nextLoopId;
    private final AtomicLong topologyFailures = new AtomicLong();
    private final ScheduledExecutorService traffic = executor("nymclient-traffic");
    private final ScheduledExecutorService housekeeping = executor("nymclient-housekeeping");
    private final ScheduledExecutorService payments = executor("nymclient-payment");
    private final BandwidthMeter bandwidth;
    private final StreamScheduler streamScheduler = StreamScheduler.on(traffic);
    private final TrafficStreams.PacketSender sender = new TrafficStreams.PacketSender() {
        @Override
        public boolean sendQueued() {
            return payloadTick();
        }

        @Override
        public void sendLoop() {
            loopTick();
        }

        @Override
        public void sendDrop() {
            dropTick();
        }
    };
    /** Replaced when an epoch's rates differ from the last; null until started. Guarded by {@code this}. */
    private TrafficStreams streams;
    /** The start of the next epoch the boundary timer is set for (housekeeping thread only). */
    private long boundaryTimerAt = Long.MIN_VALUE;

    private volatile MixTopology topology;
    private volatile GatewaySession session;

    /** A real message or reply waiting for the payload stream; built when its turn comes, over the topology then. */
    private interface Outgoing {
        PacketFactory.Built build(MixTopology topology);

        boolean isReply();
    }

    private MixnetClient(
            ClientConfig config,
            ClientKeys keys,
            TopologySource topologySource,
            BandwidthMeter.Payer payer,
            LoopListener loopListener) {
        this.config = config;
        this.loopListener = loopListener;
        this.bandwidth = new BandwidthMeter(config.gateway().topUpBelowBytes(), payer, payments, System::nanoTime);
        this.keys = keys;
        this.gatewayIdentity = Keys.decode(config.gateway().identityKey(), Keys.PUBLIC_KEY_BYTES, "gateway key");
        byte[] clientId = keys.identity().publicKey();
        this.address = new ClientAddress(clientId, keys.encryption().publicKey(), gatewayIdentity).toString();
        this.self = NodeAddress.of(clientId);
        this.topologySource = topologySource;
        this.sphinx = new SphinxParams(config.payloadSize());
        this.packets = new PacketFactory(
                sphinx, new RouteSelector(random, config.routing().minPerformance()), random);
        this.opener = new DeliveryOpener(sphinx, keys.encryption(), ownSurbs);
        this.loops = new LoopStatistics(config.traffic().loopTimeout(), LOOP_WINDOW);
        this.queue = new ArrayBlockingQueue<>(config.traffic().sendQueueLimit());
        this.nextLoopId = new AtomicLong(random.nextLong());
    }

    /**
     * Starts a client: fails (and leaves nothing running) when no epoch document passes the check against the pinned
     * authorities, the own gateway is not in it, or the gateway refuses the session. {@code payer} pays a metered
     * gateway when the balance falls below {@code gateway.topup_below_bytes}.
     */
    public static MixnetClient start(ClientConfig config, ClientKeys keys, BandwidthMeter.Payer payer) {
        return start(config, keys, payer, LoopListener.NONE);
    }

    /**
     * {@link #start(ClientConfig, ClientKeys, BandwidthMeter.Payer)} with {@code loopListener} told about every loop
     * this client sends, gets back and gives up on. The client and its traffic are the same with or without one.
     */
    public static MixnetClient start(
            ClientConfig config, ClientKeys keys, BandwidthMeter.Payer payer, LoopListener loopListener) {
        MixnetClient client = new MixnetClient(
                config,
                keys,
                TopologySource.of(config.directory().url(), config.authorities().asSet()),
                payer,
                Objects.requireNonNull(loopListener, "loopListener"));
        if (!config.traffic().mixing().isEmpty()) {
            LOG.warning("traffic settings override the epoch documents' mixing parameters: this client's traffic"
                    + " differs from every other client's");
        }
        try {
            client.use(client.topologySource.fetch());
            client.ownGateway();
            client.session = client.openSession();
            client.startStreams();
            client.startHousekeeping();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** This client's address, {@code <clientId>@<gatewayIdentityKey>}. */
    @Override
    public String address() {
        return address;
    }

    /**
     * Queues {@code message} for {@code recipient}; it leaves on the payload stream's next tick.
     *
     * @param withSurb attach a single-use reply block so the recipient can answer
     * @throws ClientException ADDRESS for a malformed address or a gateway not in the topology, MESSAGE when the
     *     message is too long or the queue is full; nothing is queued then
     */
    @Override
    public void send(String recipient, byte[] message, boolean withSurb) {
        ClientAddress to;
        try {
            to = ClientAddress.parse(recipient);
        } catch (GatewayProtocolException e) {
            throw new ClientException(ClientException.Kind.ADDRESS, "bad recipient address: " + e.getMessage(), e);
        }
        String gatewayKey = Keys.encode(to.gatewayIdentityKey());
        if (topology.gateway(gatewayKey).isEmpty()) {
            throw new ClientException(
                    ClientException.Kind.ADDRESS, "recipient's gateway " + gatewayKey + " is not in the topology");
        }
        checkLength(message, withSurb);
        byte[] copy = message.clone();
        NodeAddress destination = NodeAddress.of(to.clientId());
        byte[] encryptionKey = to.encryptionKey();
        enqueue(new Outgoing() {
            @Override
            public PacketFactory.Built build(MixTopology t) {
                GatewayNode gateway = t.gateway(gatewayKey)
                        .orElseThrow(() -> new ClientException(
                                ClientException.Kind.TOPOLOGY, "recipient's gateway left the topology"));
                Envelope envelope = new Envelope.Plain(copy);
                if (withSurb) {
                    SurbPair pair = packets.surb(t, ownGateway(t), self);
                    ownSurbs.put(pair.secret().id(), pair.secret());
                    envelope = new Envelope.WithSurb(pair.surb().toBytes(), copy);
                }
                return packets.message(t, gateway, destination, encryptionKey, envelope);
            }

            @Override
            public boolean isReply() {
                return false;
            }
        });
    }

    /**
     * Queues an answer through the SURB of a received message ({@link ReceivedMessage#replySurb()}); each SURB
     * answers once.
     *
     * @throws ClientException MESSAGE for an unknown or used SURB handle, a message too long or a full queue
     */
    @Override
    public void reply(String surbHandle, byte[] message) {
        checkLength(message, false);
        byte[] surbBytes = receivedSurbs
                .take(surbHandle)
                .orElseThrow(() -> new ClientException(
                        ClientException.Kind.MESSAGE, "no unused reply SURB with handle " + surbHandle));
        Surb surb;
        try {
            surb = Surb.fromBytes(packets.params(), surbBytes);
        } catch (SphinxException e) {
            throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
        }
        byte[] content = Envelope.encode(new Envelope.Plain(message));
        enqueue(new Outgoing() {
            @Override
            public PacketFactory.Built build(MixTopology t) {
                try {
                    return new PacketFactory.Built(surb.reply(content), null);
                } catch (SphinxException e) {
                    throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
                }
            }

            @Override
            public boolean isReply() {
                return true;
            }
        });
    }

    /** Takes up to {@code max} received messages, oldest first. */
    @Override
    public List<ReceivedMessage> fetch(int max) {
        List<ReceivedMessage> out = new ArrayList<>();
        synchronized (inbox) {
            while (out.size() < max && !inbox.isEmpty()) {
                out.add(inbox.removeFirst());
            }
        }
        return out;
    }

    @Override
    public ClientStatus status() {
        MixTopology t = topology;
        return new ClientStatus(
                address,
                sessionOpen(),
                t.epoch(),
                t.validUntilMillis(),
                t.mixing(),
                t.layers().stream().map(List::size).toList(),
                topologyFailures.get(),
                queue.size(),
                counters.snapshot(),
                loops.report(),
                bandwidth.status());
    }

    /** Longest message {@link #send} accepts. */
    public int maxMessageSize(boolean withSurb) {
        return Envelope.maxMessageSize(packets.params(), withSurb);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (streams != null) {
                streams.stop();
            }
        }
        housekeeping.shutdownNow();
        traffic.shutdownNow();
        payments.shutdownNow();
        GatewaySession s = session;
        if (s != null) {
            s.close();
        }
        try {
            traffic.awaitTermination(5, TimeUnit.SECONDS);
            housekeeping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkLength(byte[] message, boolean withSurb) {
        int max = maxMessageSize(withSurb);
        if (message.length > max) {
            throw new ClientException(
                    ClientException.Kind.MESSAGE,
                    "message of " + message.length + " bytes is longer than the " + max + " one packet carries"
                            + (withSurb ? " with a reply SURB" : ""));
        }
    }

    private void enqueue(Outgoing outgoing) {
        if (!queue.offer(outgoing)) {
            throw new ClientException(
                    ClientException.Kind.MESSAGE,
                    "send queue is full (" + config.traffic().sendQueueLimit() + " messages); try again later");
        }
    }

    private GatewayNode ownGateway() {
        return ownGateway(topology);
    }

    private GatewayNode ownGateway(MixTopology t) {
        return t.gateway(config.gateway().identityKey())
                .orElseThrow(() -> new ClientException(
                        ClientException.Kind.TOPOLOGY,
                        "own gateway " + config.gateway().identityKey() + " is not in the topology"));
    }

    private GatewaySession openSession() {
        GatewayNode gateway = ownGateway();
        GatewaySession opened = GatewaySession.open(
                GatewayLink.of(gateway.clientListener(), gatewayIdentity, sphinx.packetSize(), sphinx.payloadSize()),
                keys,
                delivered,
                this::onDelivered,
                this::onGatewayError,
                bandwidth::reported,
                cause -> {
                    if (cause != null) {
                        LOG.warning("gateway session ended: " + cause);
                    }
                });
        bandwidth.sessionOpened(opened::spend, opened.bandwidthAtStart());
        return opened;
    }

    /** The streams at the rates of the topology in use. */
    private synchronized void startStreams() {
        Mixing m = topology.mixing();
        streams = new TrafficStreams(
                new TrafficStreams.Rates(m.payloadRate(), m.loopRate(), m.dropRate()), SecureRandom::new, sender);
        streams.start(streamScheduler);
    }

    /**
     * Routes over {@code fromDocument} from now on (with the configured overrides); when its rates differ from the
     * running streams', the streams start again at the new rates.
     */
    private synchronized void use(MixTopology fromDocument) {
        MixTopology previous = topology;
        MixTopology next = fromDocument.withMixing(config.traffic().mixing().applyTo(fromDocument.mixing()));
        topology = next;
        if (streams != null && !sameRates(previous.mixing(), next.mixing())) {
            streams.stop();
            startStreams();
        }
    }

    private static boolean sameRates(Mixing a, Mixing b) {
        return a.payloadRate() == b.payloadRate() && a.loopRate() == b.loopRate() && a.dropRate() == b.dropRate();
    }

    /** The topology to build a packet over; refused once its document has expired with no newer one held. */
    private MixTopology routable() {
        MixTopology t = topology;
        if (System.currentTimeMillis() >= t.validUntilMillis()) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY,
                    "epoch " + t.epoch() + "'s document has expired and no newer one is held");
        }
        return t;
    }

    private void startHousekeeping() {
        long refresh = config.directory().refresh().toNanos();
        housekeeping.scheduleWithFixedDelay(this::refreshTopology, 0, refresh, TimeUnit.NANOSECONDS);
        long expiry = Math.min(
                Duration.ofSeconds(1).toNanos(), config.traffic().loopTimeout().toNanos() / 4);
        housekeeping.scheduleWithFixedDelay(
                () -> loops.expire(System.nanoTime()).forEach(loopListener::expired),
                expiry,
                expiry,
                TimeUnit.NANOSECONDS);
        housekeeping.scheduleWithFixedDelay(this::reconnectIfClosed, 1, 1, TimeUnit.SECONDS);
    }

    /** A payload-stream tick: the oldest queued message; false (a drop goes instead) when none is queued. */
    private boolean payloadTick() {
        if (!sessionOpen()) {
            // keep real messages queued until the session is back; the tick is counted as failed
            counters.sendFailures.incrementAndGet();
            return true;
        }
        MixTopology t;
        try {
            t = routable();
        } catch (ClientException e) {
            // no valid document: the message stays queued for when one is held; the tick is counted as failed
            counters.sendFailures.incrementAndGet();
            return true;
        }
        Outgoing next = queue.poll();
        if (next == null) {
            return false;
        }
        try {
            transmit(next.build(t));
            (next.isReply() ? counters.repliesSent : counters.realSent).incrementAndGet();
        } catch (ClientException e) {
            counters.sendFailures.incrementAndGet();
            LOG.log(Level.FINE, "payload stream tick failed", e);
        }
        return true;
    }

    private void loopTick() {
        try {
            MixTopology t = routable();
            long loopId = nextLoopId.getAndIncrement();
            PacketFactory.Built loop =
                    packets.loop(t, ownGateway(t), self, keys.encryption().publicKey(), loopId);
            transmit(loop);
            loops.sent(loopId, loop.route().mixIdentities(), System.nanoTime());
            counters.loopsSent.incrementAndGet();
            loopListener.sent(new LoopListener.LoopSent(
                    loopId,
                    loop.route().mixIdentities(),
                    loop.route().gateway().identityKey(),
                    t.epoch(),
                    System.currentTimeMillis()));
        } catch (ClientException e) {
            counters.sendFailures.incrementAndGet();
            LOG.log(Level.FINE, "loop stream tick failed", e);
        }
    }

    private void dropTick() {
        try {
            transmit(packets.drop(routable()));
            counters.dropsSent.incrementAndGet();
        } catch (ClientException e) {
            counters.sendFailures.incrementAndGet();
            LOG.log(Level.FINE, "drop tick failed", e);
        }
    }

    private boolean sessionOpen() {
        GatewaySession s = session;
        return s != null && s.isOpen();
    }

    private void transmit(PacketFactory.Built built) {
        GatewaySession s = session;
        if (s == null || !s.isOpen()) {
            throw new ClientException(ClientException.Kind.GATEWAY, "no gateway session");
        }
        s.send(built.packet().firstHop().toBytes(), built.packet().bytes());
    }

    private void onDelivered(Delivered delivered) {
        DeliveryOpener.Opened opened;
        try {
            opened = opener.open(delivered);
        } catch (SphinxException e) {
            counters.unopenedReceived.incrementAndGet();
            LOG.log(Level.FINE, "delivery did not open", e);
            return;
        } catch (ClientException e) {
            counters.malformedReceived.incrementAndGet();
            LOG.log(Level.FINE, "delivery dropped", e);
            return;
        }
        Envelope envelope = opened.envelope();
        if (opened.reply() && envelope instanceof Envelope.Plain plain) {
            store(new ReceivedMessage(plain.message(), true, Optional.empty()));
            counters.repliesReceived.incrementAndGet();
        } else if (opened.reply()) {
            counters.malformedReceived.incrementAndGet();
        } else if (envelope instanceof Envelope.Loop loop) {
            if (loops.returned(loop.id(), System.nanoTime()).isPresent()) {
                loopListener.returned(loop.id());
            }
            counters.loopsReceived.incrementAndGet();
        } else if (envelope instanceof Envelope.Plain plain) {
            store(new ReceivedMessage(plain.message(), false, Optional.empty()));
            counters.messagesReceived.incrementAndGet();
        } else if (envelope instanceof Envelope.WithSurb withSurb) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String handle = Keys.encode(id);
            receivedSurbs.put(handle, withSurb.surb());
            store(new ReceivedMessage(withSurb.message(), false, Optional.of(handle)));
            counters.messagesReceived.incrementAndGet();
        } else {
            counters.malformedReceived.incrementAndGet(); // a drop is never addressed to a client
        }
    }

    private void store(ReceivedMessage message) {
        synchronized (inbox) {
            if (inbox.size() >= INBOX_LIMIT) {
                inbox.removeFirst();
                counters.inboxOverflow.incrementAndGet();
            }
            inbox.addLast(message);
        }
    }

    private void onGatewayError(ErrorMessage error) {
        counters.gatewayErrors.incrementAndGet();
        if (error.code() == ErrorMessage.Code.NO_BANDWIDTH) {
            bandwidth.noBandwidth(error.printableText());
        }
        LOG.fine("gateway error " + error.code() + ": " + error.text());
    }

    /** Fetches what is missing (the next document, the current one after an end) and sets the boundary timer. */
    private void refreshTopology() {
        try {
            topologySource.refresh();
        } catch (ClientException e) {
            topologyFailures.incrementAndGet();
            LOG.warning("epoch documents: " + e.getMessage());
        }
        switchEpochIfDue();
        OptionalLong nextStart = topologySource.nextStartMillis();
        if (nextStart.isPresent() && nextStart.getAsLong() != boundaryTimerAt) {
            boundaryTimerAt = nextStart.getAsLong();
            long delay = Math.max(0, boundaryTimerAt - System.currentTimeMillis());
            housekeeping.schedule(this::switchEpochIfDue, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void switchEpochIfDue() {
        try {
            MixTopology now = topologySource.topology();
            if (now.epoch() != topology.epoch()) {
                use(now);
                LOG.info("epoch " + now.epoch() + ": "
                        + now.layers().stream().map(List::size).toList() + " mix nodes per layer, "
                        + now.gateways().size() + " gateways");
            }
        } catch (ClientException e) {
            topologyFailures.incrementAndGet();
            LOG.warning("no usable epoch document: " + e.getMessage());
        }
    }

    private void reconnectIfClosed() {
        if (!sessionOpen()) {
            try {
                session = openSession();
                LOG.info("gateway session reopened");
            } catch (ClientException e) {
                LOG.fine("gateway reconnect failed: " + e.getMessage());
            } catch (RuntimeException e) {
                // An escaping exception would cancel this periodic task for good: the client would never reconnect.
                LOG.log(Level.WARNING, "gateway reconnect failed unexpectedly (tried again in 1 s)", e);
            }
        }
    }

    private static ScheduledExecutorService executor(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
