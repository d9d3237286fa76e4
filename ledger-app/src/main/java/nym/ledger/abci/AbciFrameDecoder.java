package nym.ledger.abci;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/** Splits the byte stream into ABCI messages: unsigned varint length, then that many protobuf bytes. */
public final class AbciFrameDecoder extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            long len;
            try {
                len = Varint.tryRead(in);
            } catch (IllegalArgumentException e) {
                throw new CorruptedFrameException(e.getMessage());
            }
            if (len < 0) {
                return;
            }
            if (len > Varint.MAX_MESSAGE) {
                throw new TooLongFrameException("ABCI message of " + len + " bytes exceeds " + Varint.MAX_MESSAGE);
            }
            if (in.readableBytes() < len) {
                in.readerIndex(start);
                return;
            }
            out.add(in.readRetainedSlice((int) len));
        }
    }
}
