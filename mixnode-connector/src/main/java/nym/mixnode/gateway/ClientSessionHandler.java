package nym.mixnode.gateway;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.Fetch;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.GatewayProtocolException;
import nym.gateway.api.Messages;
import nym.gateway.api.Push;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.Send;

/**
 * One client connection: registration, the session (one client per connection), sends, fetches and pushes. Runs on
 * the connection's event loop; messages are plain objects ({@link ClientMessageCodec} owns the buffers). Messages
 * leave the inbox only after the frame carrying them has been written. Pushing stops while the connection is not
 * writable and resumes when it is, so a slow client never makes the gateway buffer without limit.
 */
final class ClientSessionHandler extends SimpleChannelInboundHandler<GatewayMessage> {

    private static final Logger LOG = Logger.getLogger(ClientSessionHandler.class.getName());
    private static final int PUSH_BATCH = 64;

    private final GatewayDelivery delivery;
    private final ClientPacketInjector injector;
    private final byte[] gatewayIdentityKey;
    private final Duration registrationWindow;
    private final Clock clock;
    private ChannelHandlerContext ctx;
    private byte[] clientId;
    private boolean push;
    private long lastPushed = -1;

    ClientSessionHandler(
            GatewayDelivery delivery,
            ClientPacketInjector injector,
            byte[] gatewayIdentityKey,
            Duration registrationWindow,
            Clock clock) {
        this.delivery = delivery;
        this.injector = injector;
        this.gatewayIdentityKey = gatewayIdentityKey;
        this.registrationWindow = registrationWindow;
        this.clock = clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, GatewayMessage msg) {
        if (msg instanceof Register r) {
            register(r);
        } else if (msg instanceof Authenticate a) {
            authenticate(a);
        } else if (msg instanceof Send s) {
            send(s);
        } else if (msg instanceof Fetch f) {
            fetch(f);
        } else {
            error(ErrorMessage.Code.UNEXPECTED_MESSAGE, msg.getClass().getSimpleName() + " is sent by gateways only");
        }
    }

    private void register(Register r) {
        if (Math.abs(clock.millis() - r.timestampMillis()) > registrationWindow.toMillis()) {
            error(
                    ErrorMessage.Code.STALE_TIMESTAMP,
                    "timestamp more than " + registrationWindow.toSeconds() + " s off");
        } else if (!r.verifies(gatewayIdentityKey)) {
            error(ErrorMessage.Code.BAD_SIGNATURE, "registration signature does not verify for this gateway");
        } else {
            byte[] token = delivery.registry().register(r.identityKey());
            ctx.writeAndFlush(new Registered(r.identityKey(), token));
        }
    }

    private void authenticate(Authenticate a) {
        if (clientId != null) {
            error(ErrorMessage.Code.UNEXPECTED_MESSAGE, "this connection is already authenticated");
        } else if (!delivery.registry().authenticates(a.clientId(), a.token())) {
            error(ErrorMessage.Code.BAD_TOKEN, "unknown client or wrong token");
        } else {
            clientId = a.clientId();
            Inbox inbox = delivery.inbox(clientId);
            ctx.writeAndFlush(new Authenticated(inbox.size(), inbox.droppedTotal()));
            if (a.push()) {
                push = true;
                delivery.attachPush(clientId, this);
                pushWaiting();
            }
        }
    }

    private void send(Send s) {
        if (clientId == null) {
            error(ErrorMessage.Code.NOT_AUTHENTICATED, "authenticate first");
            return;
        }
        ErrorMessage refused = injector.inject(s.firstHop(), s.packet());
        if (refused != null) {
            ctx.writeAndFlush(refused);
        }
    }

    private void fetch(Fetch f) {
        if (clientId == null) {
            error(ErrorMessage.Code.NOT_AUTHENTICATED, "authenticate first");
            return;
        }
        Inbox inbox = delivery.inbox(clientId);
        List<Inbox.Stored> stored = inbox.peek(-1, f.max(), GatewayMessage.MAX_MESSAGE_BYTES - 1024);
        List<Delivered> messages = new ArrayList<>(stored.size());
        stored.forEach(s -> messages.add(s.message()));
        ctx.writeAndFlush(new Messages(messages)).addListener(done -> {
            if (done.isSuccess()) {
                stored.forEach(s -> inbox.remove(s.seq()));
            }
        });
    }

    /** New messages may wait: push them (from any thread; the work runs on this connection's event loop). */
    void pushWaiting() {
        ctx.executor().execute(this::pushBatch);
    }

    private void pushBatch() {
        if (!push || !ctx.channel().isActive()) {
            return;
        }
        Inbox inbox = delivery.inbox(clientId);
        while (ctx.channel().isWritable()) {
            List<Inbox.Stored> batch = inbox.peek(lastPushed, PUSH_BATCH, GatewayMessage.MAX_MESSAGE_BYTES);
            if (batch.isEmpty()) {
                break;
            }
            for (Inbox.Stored s : batch) {
                lastPushed = s.seq();
                ctx.write(new Push(s.message())).addListener(done -> {
                    if (done.isSuccess()) {
                        inbox.remove(s.seq());
                    }
                });
            }
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            pushBatch();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (push) {
            delivery.detachPush(clientId, this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            Throwable root = cause.getCause() == null ? cause : cause.getCause();
            ErrorMessage.Code code = root instanceof GatewayProtocolException g
                            && g.kind() == GatewayProtocolException.Kind.UNSUPPORTED_VERSION
                    ? ErrorMessage.Code.UNSUPPORTED_VERSION
                    : ErrorMessage.Code.MALFORMED;
            String text = root instanceof TooLongFrameException ? "frame too long" : String.valueOf(root.getMessage());
            ctx.writeAndFlush(new ErrorMessage(code, text.length() > 200 ? text.substring(0, 200) : text))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        LOG.log(
                cause instanceof IOException ? Level.FINE : Level.WARNING,
                "client connection " + ctx.channel().remoteAddress() + " closed: " + cause);
        ctx.close();
    }

    private void error(ErrorMessage.Code code, String text) {
        ctx.writeAndFlush(new ErrorMessage(code, text));
    }
}
