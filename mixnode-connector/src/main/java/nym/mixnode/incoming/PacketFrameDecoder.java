package nym.mixnode.incoming;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;

/**
 * Cuts the byte stream of a mix link into Sphinx packets ({@link PacketFrame}).
 *
 * <p>ByteBuf ownership: the cumulation buffer belongs to {@link ByteToMessageDecoder}, which releases it; this
 * decoder copies each packet into a fresh {@code byte[]} (the crypto worker needs an array and keeps it across
 * threads), so no ByteBuf ever leaves the pipeline. A wrong version or length closes this connection only (counted
 * as {@link DropReason#BAD_FRAME}) and discards what it sent; a connection that ends inside a frame is counted as
 * {@link DropReason#TRUNCATED_FRAME}.
 */
public final class PacketFrameDecoder extends ByteToMessageDecoder {

    private final int packetSize;
    private final NodeMetrics metrics;
    private boolean refused;

    public PacketFrameDecoder(int packetSize, NodeMetrics metrics) {
        this.packetSize = packetSize;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < PacketFrame.HEADER_BYTES) {
            return;
        }
        int version = in.getUnsignedByte(in.readerIndex());
        long length = in.getUnsignedInt(in.readerIndex() + 1);
        if (version != PacketFrame.VERSION || length != packetSize) {
            refused = true;
            metrics.dropped(DropReason.BAD_FRAME);
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        if (in.readableBytes() < PacketFrame.HEADER_BYTES + packetSize) {
            return;
        }
        in.skipBytes(PacketFrame.HEADER_BYTES);
        byte[] packet = new byte[packetSize];
        in.readBytes(packet);
        out.add(packet);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (in.isReadable()) {
            metrics.dropped(DropReason.TRUNCATED_FRAME);
            in.skipBytes(in.readableBytes());
        }
    }
}
