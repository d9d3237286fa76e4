package nym.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * The outbound half of a link: turns each written {@code byte[]} cell into one transport frame. Before the handshake
 * completes, cells are held (at most {@link LinkSettings#maxPendingCells()}, in order) and written when it does; a
 * failed link fails what it held.
 *
 * <p>Accepted writes: a {@code byte[]} of exactly the outbound cell size, and an empty {@link ByteBuf} (it sends no
 * byte; its completion tells a caller that everything written before it went out, e.g. to close after a drain).
 * Anything else fails its promise with {@link LinkException.Kind#WRONG_CELL_SIZE}, is reported, and is not sent.
 *
 * <p>ByteBuf ownership: each frame is a fresh heap buffer (its array is where noise-java encrypts), passed down the
 * pipeline, which releases it once written or failed. A refused message is released here.
 */
final class CellEncryptor extends ChannelOutboundHandlerAdapter {

    private record Held(Object message, ChannelPromise promise) {}

    private final LinkSettings settings;
    private final LinkFailureListener failures;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private CellCipher sender;
    private Throwable stopped;

    CellEncryptor(LinkSettings settings, LinkFailureListener failures) {
        this.settings = settings;
        this.failures = failures;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!isCell(msg) && !isEmptyBuffer(msg)) {
            ReferenceCountUtil.release(msg);
            refuse(
                    promise,
                    LinkException.Kind.WRONG_CELL_SIZE,
                    "only cells of " + settings.outboundCellSize() + " bytes are sent on a " + settings.kind()
                            + " link");
        } else if (stopped != null) {
            ReferenceCountUtil.release(msg);
            promise.tryFailure(stopped);
        } else if (sender != null) {
            send(ctx, msg, promise);
        } else if (held.size() < settings.maxPendingCells()) {
            held.add(new Held(msg, promise));
        } else {
            ReferenceCountUtil.release(msg);
            refuse(promise, LinkException.Kind.PENDING_FULL, "handshake not complete and the hold is full");
        }
    }

    private boolean isCell(Object msg) {
        return msg instanceof byte[] cell && cell.length == settings.outboundCellSize();
    }

    private static boolean isEmptyBuffer(Object msg) {
        return msg instanceof ByteBuf buf && !buf.isReadable();
    }

    private void refuse(ChannelPromise promise, LinkException.Kind kind, String why) {
        LinkException refusal = new LinkException(kind, why);
        failures.linkFailed(refusal);
        promise.tryFailure(refusal);
    }

    private void send(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf empty) {
            ctx.write(empty, promise);
            return;
        }
        int body = sender.frameBodyBytes();
        ByteBuf frame = ctx.alloc().heapBuffer(LinkFrames.LENGTH_BYTES + body);
        frame.writeShort(body);
        sender.encrypt((byte[]) msg, frame.array(), frame.arrayOffset() + frame.writerIndex());
        frame.writerIndex(frame.writerIndex() + body);
        ctx.write(frame, promise);
    }

    /** The handshake completed: held cells go out first, in order. */
    void established(CellCipher sender) {
        this.sender = sender;
        while (!held.isEmpty()) {
            Held h = held.poll();
            send(ctx, h.message(), h.promise());
        }
        ctx.flush();
    }

    /** The link failed or closed: held cells fail with {@code cause}, later writes too; the send key is destroyed. */
    void stop(Throwable cause) {
        if (stopped != null) {
            return;
        }
        stopped = cause;
        while (!held.isEmpty()) {
            Held h = held.poll();
            ReferenceCountUtil.release(h.message());
            h.promise().tryFailure(cause);
        }
        if (sender != null) {
            sender.destroy();
        }
    }
}
