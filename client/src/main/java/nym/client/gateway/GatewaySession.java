package nym.client.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.client.ClientException;
import nym.client.keys.ClientKeys;
import nym.gateway.api.Ack;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Bandwidth;
import nym.gateway.api.CellBuilder;
import nym.gateway.api.Cells;
import nym.gateway.api.Challenge;
import nym.gateway.api.ChallengeResponse;
import nym.gateway.api.Deliver;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.GatewayProtocolException;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.RequestSpend;
import nym.gateway.api.Send;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import nym.link.LinkEstablished;
import nym.link.LinkException;
import nym.link.NoiseLink;

/**
 * One Noise link to the gateway's client listener (gateway-api README): the client is the initiator and expects the
 * gateway's static key from the signed topology; its own static key is the X25519 form of its identity, which is what
 * the gateway authenticates. {@link #register} once at {@code init} (challenge-response); {@link #open} starts a
 * session, registering again first if the gateway no longer knows the client (an expired inbox).
 *
 * <p>In a session the gateway sends a cell at its fixed rate: dummies are dropped here, each delivered message goes to
 * the listener (on the session's own thread) and, once the listener returned (the message is stored), its sequence
 * number is acknowledged. Acknowledgements ride in the next uplink cell {@link #send} writes, so they add no cell and
 * no timing of their own; a message the gateway sends again is acknowledged again and not delivered twice
 * ({@link DeliveredOnce}). A broken link is reported through {@link #isOpen()} and the closed listener; the caller
 * opens a new session.
 *
 * <p>Bandwidth (protocol v3): {@link #bandwidthAtStart()} is the balance {@code Authenticated} reported (or
 * {@link Authenticated#UNMETERED}); every {@code Bandwidth} message (the gateway's periodic reports and the grants)
 * goes to the bandwidth listener; {@link #spend} pays with a credential. The spend's messages travel in cells of the
 * link's two sizes, like everything else.
 */
public final class GatewaySession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GatewaySession.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Bound of a whole spend: the gateway checks Θ and asks the ledger whether ζ is unspent before it answers. */
    public static final Duration SPEND_TIMEOUT = Duration.ofSeconds(30);
    /** Put in the spend answers when the link closes, so a waiting spend ends at once. */
    private static final Object LINK_CLOSED = new Object();

    private final GatewayLink gateway;
    private final EventLoopGroup group;
    private final CompletableFuture<byte[]> handshakeHash = new CompletableFuture<>();
    private final BlockingQueue<GatewayMessage> answers = new LinkedBlockingQueue<>();
    private final Queue<Long> pendingAcks = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Object> spendAnswers = new LinkedBlockingQueue<>();
    /** True while {@link #spend} waits: the gateway's spend refusals are its answers, not session errors. */
    private volatile boolean spending;

    private volatile long bandwidthAtStart = Authenticated.UNMETERED;
    private volatile Channel channel;
    private volatile boolean open = true;
    private volatile LinkException linkFailure;
    private volatile Session session;
    /** Set on the event loop when Authenticated arrives: from then on errors go to the session's listener. */
    private volatile boolean authenticated;

    /** What a session does with what arrives. */
    private record Session(
            DeliveredOnce seen,
            Consumer<Delivered> deliveries,
            Consumer<ErrorMessage> errors,
            Consumer<Bandwidth> bandwidth,
            Consumer<Throwable> closed) {}

    private GatewaySession(GatewayLink gateway) {
        this.gateway = gateway;
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("gateway-session", true), NioIoHandler.newFactory());
    }

    /**
     * Registers {@code keys}' identity with the gateway: Register, the gateway's fresh Challenge, the signed
     * ChallengeResponse (bound to this link's handshake hash and the gateway's key), Registered.
     *
     * @throws ClientException {@link ClientException.Kind#GATEWAY} when the gateway refuses or cannot be reached
     */
    public static void register(GatewayLink gateway, ClientKeys keys) {
        try (GatewaySession link = connect(gateway, keys)) {
            link.register(keys);
        }
    }

    private void register(ClientKeys keys) {
        write(new Register(keys.identity().publicKey()));
        GatewayMessage answer = nextAnswer();
        if (!(answer instanceof Challenge challenge)) {
            throw unexpected("Register", answer);
        }
        write(ChallengeResponse.sign(keys.identity(), challenge.challenge(), hash(), gateway.identityKey()));
        GatewayMessage done = nextAnswer();
        if (!(done instanceof Registered)) {
            throw unexpected("ChallengeResponse", done);
        }
    }

    /**
     * Opens a session; every new delivered message goes to {@code deliveries} on the session's thread, errors the
     * gateway reports to {@code errors} (those answering a {@link #spend} excepted), its {@code Bandwidth} reports and
     * grants to {@code bandwidth}, and the session's end (with its cause, null for {@link #close()}) to
     * {@code closed}.
     */
    public static GatewaySession open(
            GatewayLink gateway,
            ClientKeys keys,
            DeliveredOnce seen,
            Consumer<Delivered> deliveries,
            Consumer<ErrorMessage> errors,
            Consumer<Bandwidth> bandwidth,
            Consumer<Throwable> closed) {
        Session session = new Session(seen, deliveries, errors, bandwidth, closed);
        try {
            return authenticate(gateway, keys, session);
        } catch (NotRegistered e) {
            LOG.info("the gateway no longer knows this client (idle inbox expired?): registering again");
            register(gateway, keys);
            return authenticate(gateway, keys, session);
        }
    }

    private static GatewaySession authenticate(GatewayLink gateway, ClientKeys keys, Session session) {
        GatewaySession link = connect(gateway, keys);
        link.session = session; // before Authenticate: the first session cell may already carry a message
        try {
            link.write(new Authenticate(keys.identity().publicKey()));
            GatewayMessage answer = link.nextAnswer();
            if (answer instanceof ErrorMessage e && e.code() == ErrorMessage.Code.NOT_REGISTERED) {
                throw new NotRegistered();
            }
            if (!(answer instanceof Authenticated authenticated)) {
                throw unexpected("Authenticate", answer);
            }
            link.bandwidthAtStart = authenticated.bandwidth();
            if (!link.channel.isActive()) {
                throw new ClientException(ClientException.Kind.GATEWAY, "the gateway closed the session");
            }
            return link;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** Injects one Sphinx packet, with the acknowledgements waiting, in one uplink cell. */
    public void send(byte[] firstHop, byte[] packet) {
        CellBuilder cell = new CellBuilder(gateway.cells().uplink()).add(new Send(firstHop, packet));
        long[] acks = takeAcks();
        if (acks.length > 0) {
            cell.add(new Ack(acks));
        }
        writeCell(cell.build());
    }

    private long[] takeAcks() {
        long[] acks = new long[Ack.MAX_SEQS];
        int n = 0;
        Long seq;
        while (n < acks.length && (seq = pendingAcks.poll()) != null) {
            acks[n++] = seq;
        }
        return java.util.Arrays.copyOf(acks, n);
    }

    public boolean isOpen() {
        return open;
    }

    /** Bytes of bandwidth left when the session opened, or {@link Authenticated#UNMETERED}: never pay here. */
    public long bandwidthAtStart() {
        return bandwidthAtStart;
    }

    /** {@link #spend(Function, Duration)} within {@link #SPEND_TIMEOUT}. */
    public SpendOutcome spend(Function<SpendOffer, SpendCredential> proof) {
        return spend(proof, SPEND_TIMEOUT);
    }

    /**
     * Pays for bandwidth with a credential: {@code RequestSpend}, the gateway's {@code SpendOffer}, {@code proof}'s
     * {@code SpendCredential} for it (Θ bound to the offer's binding and nonce), then the gateway's {@code Bandwidth}
     * grant or its refusal. One spend at a time; blocks the calling thread (never the session's).
     *
     * @throws ClientException {@link ClientException.Kind#GATEWAY} when the link is closed or closes, or no answer
     *     came within {@code timeout}
     */
    public synchronized SpendOutcome spend(Function<SpendOffer, SpendCredential> proof, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        spendAnswers.clear();
        spending = true;
        try {
            write(new RequestSpend());
            Object offer = nextSpendAnswer(deadline, "RequestSpend");
            if (offer instanceof ErrorMessage refused) {
                return new SpendOutcome.Refused(refused.code(), refused.text());
            }
            if (!(offer instanceof SpendOffer o)) {
                throw unexpected("RequestSpend", (GatewayMessage) offer);
            }
            write(proof.apply(o));
            Object answer = nextSpendAnswer(deadline, "SpendCredential");
            if (answer instanceof Bandwidth granted) {
                return new SpendOutcome.Granted(granted.granted(), granted.balance());
            }
            if (answer instanceof ErrorMessage refused) {
                return new SpendOutcome.Refused(refused.code(), refused.text());
            }
            throw unexpected("SpendCredential", (GatewayMessage) answer);
        } finally {
            spending = false;
        }
    }

    private Object nextSpendAnswer(long deadline, String request) {
        try {
            Object answer = spendAnswers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (answer == null || answer == LINK_CLOSED) {
                throw new ClientException(
                        ClientException.Kind.GATEWAY,
                        "no answer from the gateway to " + request + ": "
                                + (answer == null ? "timeout" : "link closed"));
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.GATEWAY, "interrupted waiting for the gateway", e);
        }
    }

    @Override
    public void close() {
        open = false;
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static GatewaySession connect(GatewayLink gateway, ClientKeys keys) {
        HostPort hp = HostPort.parse(gateway.clientListener(), "gateway client listener");
        GatewaySession link = new GatewaySession(gateway);
        try {
            ChannelFuture connected = new Bootstrap()
                    .group(link.group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            NoiseLink.initiator(
                                    ch.pipeline(),
                                    gateway.settings(),
                                    keys.linkKeys(),
                                    gateway.staticKey(),
                                    failure -> link.linkFailure = failure);
                            ch.pipeline().addLast(link.new Downlink());
                        }
                    })
                    .connect(hp.host(), hp.port());
            // Not sync(): it rethrows a refused connection as a checked exception the compiler does not see, which
            // would escape every caller's ClientException handling (and end the client's reconnect task).
            connected.await();
            if (!connected.isSuccess()) {
                throw new ClientException(
                        ClientException.Kind.GATEWAY,
                        "cannot connect to gateway " + gateway.clientListener() + ": " + connected.cause(),
                        connected.cause());
            }
            link.channel = connected.channel();
            link.hash(); // the handshake completed: the gateway holds the key the topology names
            return link;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            link.close();
            throw new ClientException(ClientException.Kind.GATEWAY, "interrupted connecting to the gateway", e);
        } catch (RuntimeException e) {
            link.close();
            throw e instanceof ClientException ce
                    ? ce
                    : new ClientException(
                            ClientException.Kind.GATEWAY, "cannot connect to gateway " + gateway.clientListener(), e);
        }
    }

    /** The Noise handshake hash, waiting for the handshake. */
    private byte[] hash() {
        try {
            return handshakeHash.get(HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.GATEWAY, "interrupted in the link handshake", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClientException(
                    ClientException.Kind.GATEWAY,
                    "no link with the gateway (not the gateway the topology names, or it refused): " + failure(),
                    e);
        }
    }

    private GatewayMessage nextAnswer() {
        try {
            GatewayMessage answer = answers.poll(HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new ClientException(ClientException.Kind.GATEWAY, "no answer from the gateway: " + failure());
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.GATEWAY, "interrupted waiting for the gateway", e);
        }
    }

    private String failure() {
        LinkException f = linkFailure;
        return f == null
                ? (channel != null && !channel.isActive() ? "link closed" : "timeout")
                : f.kind().name();
    }

    private void write(GatewayMessage message) {
        writeCell(Cells.pack(gateway.cells().uplink(), message));
    }

    private void writeCell(byte[] cell) {
        Channel ch = channel;
        if (!open || ch == null || !ch.isActive()) {
            throw new ClientException(ClientException.Kind.GATEWAY, "gateway session is closed");
        }
        ch.writeAndFlush(cell);
    }

    /** Reads downlink cells on the session's event loop. */
    private final class Downlink extends ChannelInboundHandlerAdapter {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof LinkEstablished established) {
                handshakeHash.complete(established.handshakeHash());
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            for (GatewayMessage m : Cells.unpack((byte[]) msg, gateway.cells().downlink())) {
                Session s = session;
                if (m instanceof Deliver d && s != null) {
                    deliver(s, d);
                } else if (m instanceof Bandwidth b && authenticated) {
                    s.bandwidth().accept(b);
                    if (b.granted() > 0) { // a grant answers the spend; a report (granted 0) only updates the balance
                        spendAnswers.add(b);
                    }
                } else if (m instanceof SpendOffer && authenticated) {
                    spendAnswers.add(m);
                } else if (m instanceof ErrorMessage e && authenticated) {
                    if (spending && answersSpend(e.code())) {
                        spendAnswers.add(e);
                    } else {
                        s.errors().accept(e);
                    }
                } else {
                    authenticated |= m instanceof Authenticated;
                    answers.add(m);
                }
            }
        }

        private void deliver(Session s, Deliver d) {
            if (s.seen().firstTime(d.message())) {
                s.deliveries().accept(d.message()); // returns once the message is stored: only then acknowledged
            }
            pendingAcks.add(d.seq());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            boolean wasOpen = open;
            open = false;
            handshakeHash.completeExceptionally(new ClientException(ClientException.Kind.GATEWAY, "link closed"));
            spendAnswers.add(LINK_CLOSED);
            if (authenticated) {
                session.closed()
                        .accept(
                                wasOpen
                                        ? new ClientException(ClientException.Kind.GATEWAY, "link closed: " + failure())
                                        : null);
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(
                    cause instanceof GatewayProtocolException ? Level.WARNING : Level.FINE,
                    "gateway link closed: " + cause);
            ctx.close();
        }
    }

    /** The errors that answer RequestSpend or SpendCredential (UNEXPECTED_MESSAGE: an unmetered gateway). */
    private static boolean answersSpend(ErrorMessage.Code code) {
        return switch (code) {
            case CREDENTIAL_INVALID, DOUBLE_SPEND, NONCE_INVALID, LEDGER_UNAVAILABLE, UNEXPECTED_MESSAGE -> true;
            default -> false;
        };
    }

    /** The gateway answered Authenticate with NOT_REGISTERED. */
    private static final class NotRegistered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRegistered() {
            super(null, null, false, false);
        }
    }

    private static ClientException unexpected(String request, GatewayMessage answer) {
        if (answer instanceof ErrorMessage error) {
            return new ClientException(
                    ClientException.Kind.GATEWAY,
                    request + " refused by the gateway (" + error.code() + "): " + error.text());
        }
        return new ClientException(
                ClientException.Kind.GATEWAY,
                "unexpected answer to " + request + ": " + answer.getClass().getSimpleName());
    }
}
