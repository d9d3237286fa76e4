package nym.ledger.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

class AbciFrameDecoderTest {

    private static ByteBuf frame(int len, byte fill) {
        ByteBuf b = Unpooled.buffer();
        Varint.write(b, len);
        for (int i = 0; i < len; i++) {
            b.writeByte(fill);
        }
        return b;
    }

    @Test
    void decode_frameSplitByteByByte_emitsOneFrame() {
        EmbeddedChannel ch = new EmbeddedChannel(new AbciFrameDecoder());
        ByteBuf whole = frame(300, (byte) 7); // 300 needs a two-byte varint
        while (whole.isReadable()) {
            ch.writeInbound(whole.readRetainedSlice(1));
        }
        whole.release();
        ByteBuf f = ch.readInbound();
        assertEquals(300, f.readableBytes());
        assertEquals(7, f.getByte(299));
        f.release();
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void decode_severalFramesInOneBuffer_emitsAllInOrder() {
        EmbeddedChannel ch = new EmbeddedChannel(new AbciFrameDecoder());
        ByteBuf all = Unpooled.buffer();
        for (int i = 0; i < 3; i++) {
            ByteBuf f = frame(i, (byte) i);
            all.writeBytes(f);
            f.release();
        }
        ch.writeInbound(all);
        for (int i = 0; i < 3; i++) {
            ByteBuf f = ch.readInbound();
            assertEquals(i, f.readableBytes());
            f.release();
        }
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void decode_oversizedLength_fails() {
        EmbeddedChannel ch = new EmbeddedChannel(new AbciFrameDecoder());
        ByteBuf b = Unpooled.buffer();
        Varint.write(b, Varint.MAX_MESSAGE + 1);
        assertThrows(DecoderException.class, () -> ch.writeInbound(b));
        ch.finishAndReleaseAll();
    }
}
