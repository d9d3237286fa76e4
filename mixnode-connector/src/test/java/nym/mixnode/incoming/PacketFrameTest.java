package nym.mixnode.incoming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.mixnode.leaks.LeakRecorder;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.outgoing.PacketFrameEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mix-link framing under paranoid leak detection: every buffer written in is released, none leak. */
class PacketFrameTest {

    private static final int SIZE = 100;

    private final NodeMetrics metrics = new NodeMetrics();
    private final List<byte[]> accepted = new ArrayList<>();
    private final List<ByteBuf> fed = new ArrayList<>();

    @BeforeAll
    static void paranoid() {
        assertEquals(ResourceLeakDetector.Level.PARANOID, LeakRecorder.level());
    }

    @AfterEach
    void noLeaks() throws InterruptedException {
        fed.forEach(b -> assertEquals(0, b.refCnt(), "a buffer fed to the decoder was not released"));
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(
                new PacketFrameDecoder(SIZE, metrics), new IncomingPacketHandler(metrics, accepted::add));
    }

    private ByteBuf bytes(byte[] b) {
        ByteBuf buf = Unpooled.directBuffer(b.length).writeBytes(b);
        fed.add(buf);
        return buf;
    }

    private static byte[] frame(int version, long length, byte[] packet) {
        byte[] out = new byte[PacketFrame.HEADER_BYTES + packet.length];
        out[0] = (byte) version;
        out[1] = (byte) (length >>> 24);
        out[2] = (byte) (length >>> 16);
        out[3] = (byte) (length >>> 8);
        out[4] = (byte) length;
        System.arraycopy(packet, 0, out, PacketFrame.HEADER_BYTES, packet.length);
        return out;
    }

    private static byte[] packet(int fill) {
        byte[] p = new byte[SIZE];
        Arrays.fill(p, (byte) fill);
        return p;
    }

    @Test
    void frames_splitAndCoalesced_yieldEveryPacket() {
        EmbeddedChannel ch = channel();
        byte[] two = new byte[2 * (SIZE + 5)];
        System.arraycopy(frame(1, SIZE, packet(1)), 0, two, 0, SIZE + 5);
        System.arraycopy(frame(1, SIZE, packet(2)), 0, two, SIZE + 5, SIZE + 5);
        ch.writeInbound(bytes(Arrays.copyOfRange(two, 0, 3)));
        ch.writeInbound(bytes(Arrays.copyOfRange(two, 3, SIZE + 20)));
        ch.writeInbound(bytes(Arrays.copyOfRange(two, SIZE + 20, two.length)));
        assertEquals(2, accepted.size());
        assertArrayEquals(packet(1), accepted.get(0));
        assertArrayEquals(packet(2), accepted.get(1));
        assertEquals(2, metrics.snapshot().received());
        assertTrue(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void frame_wrongVersion_closesConnectionAndCounts() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes(frame(2, SIZE, packet(1))));
        assertFalse(ch.isActive());
        assertTrue(accepted.isEmpty());
        assertEquals(1, metrics.snapshot().dropped(DropReason.BAD_FRAME));
    }

    @Test
    void frame_wrongSize_closesConnectionAndDiscardsTheRest() {
        EmbeddedChannel ch = channel();
        byte[] wrong = frame(1, SIZE + 1, Arrays.copyOf(packet(1), SIZE + 1));
        byte[] good = frame(1, SIZE, packet(2));
        byte[] both = Arrays.copyOf(wrong, wrong.length + good.length);
        System.arraycopy(good, 0, both, wrong.length, good.length);
        ch.writeInbound(bytes(both));
        assertFalse(ch.isActive());
        assertTrue(accepted.isEmpty());
        assertEquals(1, metrics.snapshot().dropped(DropReason.BAD_FRAME));
    }

    @Test
    void frame_truncatedAtClose_countedAndNothingDelivered() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes(Arrays.copyOf(frame(1, SIZE, packet(1)), 40)));
        assertTrue(ch.isActive());
        ch.close();
        assertTrue(accepted.isEmpty());
        assertEquals(1, metrics.snapshot().dropped(DropReason.TRUNCATED_FRAME));
    }

    @Test
    void encoder_writesFramesTheDecoderReads() {
        EmbeddedChannel out = new EmbeddedChannel(new PacketFrameEncoder());
        out.writeOutbound(packet(7));
        ByteBuf encoded = out.readOutbound();
        assertEquals(PacketFrame.HEADER_BYTES + SIZE, encoded.readableBytes());
        fed.add(encoded);
        EmbeddedChannel in = channel();
        in.writeInbound(encoded);
        assertArrayEquals(packet(7), accepted.get(0));
        assertNull(out.readOutbound());
        assertFalse(out.finish());
    }

    @Test
    void leakRecorder_deliberateLeak_isReported() throws InterruptedException {
        leakOne();
        assertFalse(LeakRecorder.collectLeaks().isEmpty(), "the leak check would not see a leak");
    }

    private static void leakOne() {
        Unpooled.directBuffer(16).writeInt(1);
    }
}
