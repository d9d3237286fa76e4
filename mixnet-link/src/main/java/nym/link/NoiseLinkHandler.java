package nym.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The inbound half of a link and its conductor: runs the handshake (writing its messages straight to the socket,
 * below {@link CellEncryptor}), then cuts the stream into transport frames and passes each decrypted cell up as a
 * {@code byte[]} of exactly the inbound cell size. Fires {@link LinkEstablished} when the handshake completes.
 *
 * <p>Any bad input fails the link: the first failure is reported to the {@link LinkFailureListener}, the connection
 * is closed, and whatever else it sent is discarded unread. A responder reads at most message 1 (one DH) and message 3
 * (one DH) and writes message 2 (a key pair and one DH) before it can refuse, and it holds a place in its listener's
 * {@link HandshakeGate} only until the handshake ends or the timeout fires.
 *
 * <p>ByteBuf ownership: the cumulation buffer belongs to {@link ByteToMessageDecoder}, which releases it; frame bodies
 * are copied into {@code byte[]} (noise-java works on arrays), so no ByteBuf goes up the pipeline. Handshake
 * messages are fresh buffers written down the pipeline, which releases them.
 */
final class NoiseLinkHandler extends ByteToMessageDecoder {

    private final LinkSettings settings;
    private final NoiseHandshake handshake;
    private final PeerAuthorizer authorizer;
    private final HandshakeGate gate;
    private final LinkFailureListener failures;
    private final CellEncryptor encryptor;
    private boolean started;
    private boolean inGate;
    private boolean finished;
    private ScheduledFuture<?> timeout;
    private CellCipher receiver;

    /** {@code authorizer} and {@code gate} are null for an initiator. */
    NoiseLinkHandler(
            LinkSettings settings,
            NoiseHandshake handshake,
            PeerAuthorizer authorizer,
            HandshakeGate gate,
            LinkFailureListener failures,
            CellEncryptor encryptor) {
        this.settings = settings;
        this.handshake = handshake;
        this.authorizer = authorizer;
        this.gate = gate;
        this.failures = failures;
        this.encryptor = encryptor;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        if (gate != null) {
            if (!gate.tryEnter()) {
                fail(ctx, LinkException.Kind.TOO_MANY_HANDSHAKES, "too many handshakes running");
                return;
            }
            inGate = true;
        }
        timeout = ctx.executor()
                .schedule(
                        () -> fail(ctx, LinkException.Kind.HANDSHAKE_TIMEOUT, "handshake not complete in time"),
                        settings.handshakeTimeout().toNanos(),
                        TimeUnit.NANOSECONDS);
        if (handshake.wantsToWrite()) {
            writeHandshake(ctx);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < LinkFrames.LENGTH_BYTES) {
            return;
        }
        int length = in.getUnsignedShort(in.readerIndex());
        int expected = receiver != null ? receiver.frameBodyBytes() : handshake.expectedLength();
        if (length != expected) {
            in.skipBytes(in.readableBytes());
            if (receiver != null) {
                fail(ctx, LinkException.Kind.BAD_FRAME_LENGTH, "a frame of " + length + " bytes, not " + expected);
            } else {
                fail(ctx, LinkException.Kind.GARBLED_HANDSHAKE, "a handshake message of the wrong length");
            }
            return;
        }
        if (in.readableBytes() < LinkFrames.LENGTH_BYTES + length) {
            return;
        }
        in.skipBytes(LinkFrames.LENGTH_BYTES);
        byte[] body = new byte[length];
        in.readBytes(body);
        try {
            if (receiver != null) {
                out.add(receiver.decrypt(body));
            } else {
                readHandshake(ctx, body);
            }
        } catch (LinkException e) {
            in.skipBytes(in.readableBytes());
            fail(ctx, e.kind(), e.getMessage());
        }
    }

    private void readHandshake(ChannelHandlerContext ctx, byte[] message) {
        handshake.read(message);
        if (handshake.wantsToWrite()) {
            writeHandshake(ctx);
        } else if (handshake.isComplete()) {
            complete(ctx);
        }
    }

    private void writeHandshake(ChannelHandlerContext ctx) {
        byte[] message = handshake.write();
        ByteBuf frame = ctx.alloc().buffer(LinkFrames.LENGTH_BYTES + message.length);
        frame.writeShort(message.length).writeBytes(message);
        ctx.writeAndFlush(frame, ctx.voidPromise());
        if (handshake.isComplete()) {
            complete(ctx);
        }
    }

    private void complete(ChannelHandlerContext ctx) {
        byte[] remoteStatic = handshake.remoteStatic();
        if (authorizer != null && !authorizer.authorize(remoteStatic)) {
            throw new LinkException(LinkException.Kind.UNAUTHORIZED_PEER, "initiator's static key not authorized");
        }
        byte[] hash = handshake.handshakeHash();
        CellCipher[] ciphers = handshake.split(settings);
        receiver = ciphers[1];
        endHandshake();
        encryptor.established(ciphers[0]);
        ctx.fireUserEventTriggered(new LinkEstablished(remoteStatic, hash));
    }

    /** Leaves the gate and stops the timer, once. */
    private void endHandshake() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        if (inGate) {
            inGate = false;
            gate.leave();
        }
    }

    private void fail(ChannelHandlerContext ctx, LinkException.Kind kind, String why) {
        if (finished) {
            return;
        }
        finished = true;
        LinkException failure = new LinkException(kind, why);
        release(failure);
        failures.linkFailed(failure);
        ctx.close();
    }

    /** Everything this link holds goes: the gate place, the timer, the handshake state, both transport keys. */
    private void release(Throwable cause) {
        endHandshake();
        if (receiver != null) {
            receiver.destroy();
        } else {
            handshake.destroy();
        }
        encryptor.stop(cause);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (in.isReadable()) {
            in.skipBytes(in.readableBytes());
            fail(ctx, LinkException.Kind.TRUNCATED_FRAME, "the connection ended inside a frame");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        super.channelInactive(ctx);
        if (!finished && receiver == null) {
            fail(ctx, LinkException.Kind.HANDSHAKE_INCOMPLETE, "closed before the handshake completed");
        }
        if (!finished) {
            finished = true;
            release(new ClosedChannelException());
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (!finished) {
            finished = true;
            release(new ClosedChannelException());
        }
    }
}
