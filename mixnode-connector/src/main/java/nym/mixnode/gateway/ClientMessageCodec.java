package nym.mixnode.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;
import nym.gateway.api.GatewayMessage;

/**
 * Between the TCP frames of the client listener (after {@code LengthFieldBasedFrameDecoder} stripped the u32 length)
 * and {@link GatewayMessage}s. ByteBuf ownership: an inbound frame is copied into a {@code byte[]} and released by
 * {@link MessageToMessageCodec} after {@link #decode}; outbound, a fresh buffer (length + message) is passed on and
 * released by the transport. A frame that does not parse is passed on as the {@link
 * nym.gateway.api.GatewayProtocolException} thrown by decode (a DecoderException), which the session
 * handler answers with an error before closing.
 */
final class ClientMessageCodec extends MessageToMessageCodec<ByteBuf, GatewayMessage> {

    @Override
    protected void encode(ChannelHandlerContext ctx, GatewayMessage msg, List<Object> out) {
        byte[] body = msg.encode();
        ByteBuf frame = ctx.alloc().ioBuffer(4 + body.length);
        frame.writeInt(body.length).writeBytes(body);
        out.add(frame);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(GatewayMessage.decode(ByteBufUtil.getBytes(frame)));
    }
}
