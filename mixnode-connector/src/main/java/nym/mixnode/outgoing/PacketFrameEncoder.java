package nym.mixnode.outgoing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import nym.mixnode.incoming.PacketFrame;

/**
 * Writes one Sphinx packet as a {@link PacketFrame}. ByteBuf ownership: {@link MessageToByteEncoder} allocates the
 * frame buffer (exactly header + packet), passes it down the pipeline and releases it if the write fails; the
 * {@code byte[]} message needs no release.
 */
public final class PacketFrameEncoder extends MessageToByteEncoder<byte[]> {

    public PacketFrameEncoder() {
        super(byte[].class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, byte[] packet, boolean preferDirect) {
        return ctx.alloc().ioBuffer(PacketFrame.HEADER_BYTES + packet.length);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] packet, ByteBuf out) {
        out.writeByte(PacketFrame.VERSION);
        out.writeInt(packet.length);
        out.writeBytes(packet);
    }
}
