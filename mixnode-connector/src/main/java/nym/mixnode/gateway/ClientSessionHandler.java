package nym.mixnode.gateway;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.gateway.api.Ack;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Bandwidth;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Cells;
import nym.gateway.api.Challenge;
import nym.gateway.api.ChallengeResponse;
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
import nym.link.LinkKeys;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.bandwidth.SpendDesk;
import nym.mixnode.gateway.GatewayCounters.SessionRefusal;

/**
 * One client link after its Noise handshake: registration by challenge-response, then at most one session (one
 * client per link). Inbound are decrypted uplink cells ({@code byte[]}, no buffers to release: the link layer owns
 * them); outbound are {@code byte[]} downlink cells, all of one size. Before the session opens each answer goes out
 * at once in a cell of its own; once it is open the {@link DownlinkPump} sends a cell every tick and answers ride in
 * it. Runs on the connection's event loop; file work goes to the storage executor and its result comes back here.
 *
 * <p>Who a client is rests on the link: the Noise static key the initiator proved in the handshake must be the X25519
 * form of the client id it names ({@link LinkKeys#x25519PublicKey}), for {@link Register} and {@link Authenticate}
 * alike. A registration also signs a fresh challenge bound to this link's handshake hash, so a recorded
 * registration is worth nothing on another link. Anything wrong closes this link only, counted by reason.
 */
final class ClientSessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ClientSessionHandler.class.getName());

    private final GatewayDelivery delivery;
    private final ClientPacketInjector injector;
    private final byte[] gatewayIdentityKey;
    private final CellSizes cells;
    private final SecureRandom random;
    private ChannelHandlerContext ctx;
    private LinkEstablished link;
    private byte[] registering;
    private byte[] challenge;
    private byte[] clientId;
    private DownlinkPump pump;
    /** The nonce of this session's one outstanding SpendOffer; any SpendCredential uses it up. */
    private byte[] offered;

    ClientSessionHandler(
            GatewayDelivery delivery,
            ClientPacketInjector injector,
            byte[] gatewayIdentityKey,
            CellSizes cells,
            SecureRandom random) {
        this.delivery = delivery;
        this.injector = injector;
        this.gatewayIdentityKey = gatewayIdentityKey;
        this.cells = cells;
        this.random = random;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof LinkEstablished established) {
            link = established;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof byte[] cell) || link == null) {
            // the link layer hands on only byte[] cells, and only after LinkEstablished
            throw new IllegalStateException(
                    "client session got " + msg.getClass().getSimpleName());
        }
        List<GatewayMessage> messages;
        try {
            messages = Cells.unpack(cell, cells.uplink());
        } catch (GatewayProtocolException e) {
            ErrorMessage.Code code = e.kind() == GatewayProtocolException.Kind.UNSUPPORTED_VERSION
                    ? ErrorMessage.Code.UNSUPPORTED_VERSION
                    : ErrorMessage.Code.MALFORMED;
            refuse(SessionRefusal.MALFORMED_CELL, code, e.getMessage());
            return;
        }
        for (GatewayMessage m : messages) {
            if (!ctx.channel().isActive()) {
                return;
            }
            handle(m);
        }
    }

    private void handle(GatewayMessage m) {
        if (m instanceof Register r) {
            register(r);
        } else if (m instanceof ChallengeResponse cr) {
            proveRegistration(cr);
        } else if (m instanceof Authenticate a) {
            authenticate(a);
        } else if (m instanceof Send s) {
            send(s);
        } else if (m instanceof Ack a) {
            acknowledge(a);
        } else if (m instanceof RequestSpend) {
            requestSpend();
        } else if (m instanceof SpendCredential s) {
            spendCredential(s);
        } else {
            answer(new ErrorMessage(
                    ErrorMessage.Code.UNEXPECTED_MESSAGE, m.getClass().getSimpleName() + " is sent by gateways only"));
        }
    }

    private void register(Register r) {
        if (!linkIsKeyOf(r.clientId())) {
            refuse(SessionRefusal.WRONG_STATIC_KEY, ErrorMessage.Code.KEY_MISMATCH, "the link key is not this id's");
            return;
        }
        registering = r.clientId();
        challenge = new byte[GatewayMessage.KEY_BYTES];
        random.nextBytes(challenge);
        answer(new Challenge(challenge));
    }

    private void proveRegistration(ChallengeResponse response) {
        byte[] id = registering;
        byte[] expected = challenge;
        registering = null;
        challenge = null; // one attempt per challenge
        if (id == null || !response.verifies(id, expected, link.handshakeHash(), gatewayIdentityKey)) {
            refuse(SessionRefusal.BAD_REGISTRATION, ErrorMessage.Code.BAD_SIGNATURE, "registration refused");
            return;
        }
        boolean queued = delivery.runOnStorage(() -> {
            ClientRegistry.Registration result;
            try {
                result = delivery.registry().register(id);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot store a registration", e);
                ctx.executor().execute(ctx::close);
                return;
            }
            ctx.executor().execute(() -> {
                if (result == ClientRegistry.Registration.FULL) {
                    refuse(SessionRefusal.REGISTRATIONS_FULL, ErrorMessage.Code.REGISTRATIONS_FULL, "gateway full");
                } else {
                    answer(new Registered());
                }
            });
        });
        closeIfNot(queued);
    }

    /** The storage executor was full: this link cannot be served now (the client tries again). */
    private void closeIfNot(boolean queued) {
        if (!queued) {
            ctx.close();
        }
    }

    private void authenticate(Authenticate a) {
        byte[] id = a.clientId();
        if (clientId != null) {
            answer(new ErrorMessage(ErrorMessage.Code.UNEXPECTED_MESSAGE, "this link already has a session"));
        } else if (!linkIsKeyOf(id)) {
            refuse(SessionRefusal.WRONG_STATIC_KEY, ErrorMessage.Code.KEY_MISMATCH, "the link key is not this id's");
        } else if (!delivery.registry().isRegistered(id)) {
            refuse(SessionRefusal.NOT_REGISTERED, ErrorMessage.Code.NOT_REGISTERED, "register first");
        } else {
            clientId = id;
            delivery.attach(id, this);
            boolean queued = delivery.runOnStorage(() -> {
                Inbox inbox = delivery.inbox(id);
                inbox.forgetInFlight();
                delivery.registry().markActive(id);
                Authenticated opened = new Authenticated(
                        inbox.size(),
                        inbox.droppedTotal(),
                        delivery.bandwidth().meter().balance(id));
                ctx.executor().execute(() -> startDownlink(inbox, opened));
            });
            closeIfNot(queued);
        }
    }

    private void startDownlink(Inbox inbox, Authenticated opened) {
        if (!ctx.channel().isActive()) {
            return;
        }
        pump = new DownlinkPump(ctx, inbox, delivery, cells.downlink());
        pump.queue(opened);
        GatewayBandwidth bandwidth = delivery.bandwidth();
        if (bandwidth.metered()) {
            byte[] id = clientId;
            pump.reportEvery(
                    bandwidth.reportInterval(),
                    () -> new Bandwidth(0, bandwidth.meter().balance(id)));
        }
        pump.start();
    }

    private void send(Send s) {
        if (clientId == null) {
            answer(new ErrorMessage(ErrorMessage.Code.NOT_AUTHENTICATED, "authenticate first"));
            return;
        }
        ErrorMessage refused = injector.inject(clientId, s.firstHop(), s.packet());
        if (refused != null) {
            answer(refused);
        }
    }

    /** A fresh offer replaces any earlier one of this session. */
    private void requestSpend() {
        SpendDesk desk = spendDesk();
        if (desk == null) {
            return;
        }
        GatewayMessage offer = desk.offer();
        offered = offer instanceof SpendOffer o ? o.nonce() : null;
        answer(offer);
    }

    /** Checks the nonce here (the session's state), decides off the event loop, answers back on it. */
    private void spendCredential(SpendCredential spend) {
        SpendDesk desk = spendDesk();
        if (desk == null) {
            return;
        }
        byte[] expected = offered;
        offered = null; // an offer is good for one attempt
        if (expected == null || !MessageDigest.isEqual(expected, spend.nonce())) {
            answer(desk.nonceRefused());
            return;
        }
        desk.spendLater(clientId, spend, answer -> ctx.executor().execute(() -> answer(answer)));
    }

    /** The desk of a metered gateway for an open session, else null after answering why not. */
    private SpendDesk spendDesk() {
        if (clientId == null) {
            answer(new ErrorMessage(ErrorMessage.Code.NOT_AUTHENTICATED, "authenticate first"));
            return null;
        }
        SpendDesk desk = delivery.bandwidth().desk();
        if (desk == null) {
            answer(new ErrorMessage(
                    ErrorMessage.Code.UNEXPECTED_MESSAGE, "this gateway is unmetered: it takes no credentials"));
        }
        return desk;
    }

    private void acknowledge(Ack a) {
        if (clientId == null) {
            answer(new ErrorMessage(ErrorMessage.Code.NOT_AUTHENTICATED, "authenticate first"));
            return;
        }
        byte[] id = clientId;
        long[] seqs = a.seqs();
        delivery.runOnStorage(() -> {
            Inbox inbox = delivery.inbox(id);
            try {
                for (long seq : seqs) {
                    inbox.acknowledge(seq);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete an acknowledged message", e);
            }
            delivery.registry().markActive(id);
        });
    }

    private boolean linkIsKeyOf(byte[] id) {
        byte[] expected;
        try {
            expected = LinkKeys.x25519PublicKey(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, link.remoteStatic());
    }

    /** Before the session: a cell of its own now; in the session: in the next tick's cell. */
    private void answer(GatewayMessage message) {
        if (pump != null) {
            pump.queue(message);
        } else {
            ctx.writeAndFlush(Cells.pack(cells.downlink(), message));
        }
    }

    /** Counts, tells the client why, and closes this link. */
    private void refuse(SessionRefusal reason, ErrorMessage.Code code, String text) {
        delivery.counters().refused(reason);
        String shortText = text.length() > 200 ? text.substring(0, 200) : text;
        ctx.writeAndFlush(Cells.pack(cells.downlink(), new ErrorMessage(code, shortText)))
                .addListener(ChannelFutureListener.CLOSE);
        stopPump();
    }

    /** Another link opened a session for the same client: this one closes (one session per client). */
    void closeReplaced() {
        ctx.executor().execute(() -> {
            stopPump();
            ctx.close();
        });
    }

    private void stopPump() {
        if (pump != null) {
            pump.stop();
            pump = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopPump();
        if (clientId != null) {
            delivery.detach(clientId, this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(
                cause instanceof IOException ? Level.FINE : Level.WARNING,
                "client link closed: " + cause.getClass().getSimpleName());
        ctx.close();
    }
}
