package nym.mixnode.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.CellSizes;
import nym.gateway.api.Cells;
import nym.gateway.api.GatewayMessage;
import nym.link.LinkEstablished;
import nym.link.LinkKeys;
import nym.link.NoiseLink;

/**
 * A client link in a test: the gateway's pipeline ({@link ClientChannelInitializer#install}) on one EmbeddedChannel,
 * a Noise initiator with the client's key on another, and {@link #flush} carrying the bytes between them. Records the
 * length of every frame the gateway wrote (parsed from the raw bytes: {@code u16 length | body}) and the messages of
 * every cell the client received, dummies as empty lists.
 */
final class ClientLinkPair implements AutoCloseable {

    final EmbeddedChannel gateway = new EmbeddedChannel();
    final EmbeddedChannel client = new EmbeddedChannel();
    final List<Integer> downlinkFrameLengths = new ArrayList<>();
    final List<List<GatewayMessage>> downlinkCells = new ArrayList<>();
    final CellSizes cells;
    byte[] handshakeHash;

    ClientLinkPair(
            ClientChannelInitializer listener, CellSizes cells, Ed25519Identity clientIdentity, byte[] gatewayKey) {
        this.cells = cells;
        gateway.freezeTime(); // only advance() moves the gateway's clock: ticks are counted, not timed
        listener.install(gateway.pipeline());
        NoiseLink.initiator(
                client.pipeline(),
                ClientChannelInitializer.linkSettings(cells).mirrored(),
                LinkKeys.fromEd25519Seed(clientIdentity.secretKey()),
                LinkKeys.x25519PublicKey(gatewayKey),
                failure -> {});
        client.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                downlinkCells.add(Cells.unpack((byte[]) msg, cells.downlink()));
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt instanceof LinkEstablished e) {
                    handshakeHash = e.handshakeHash();
                }
            }
        });
        flush();
    }

    /** Carries every written buffer to the other side until both are quiet. */
    void flush() {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ByteBuf b; (b = client.readOutbound()) != null; moved = true) {
                gateway.writeInbound(b);
            }
            for (ByteBuf b; (b = gateway.readOutbound()) != null; moved = true) {
                recordFrames(b);
                client.writeInbound(b);
            }
            gateway.runPendingTasks();
            client.runPendingTasks();
        }
    }

    private int partialFrameLeft;

    /** Frame lengths from the raw bytes (a frame may span buffers). */
    private void recordFrames(ByteBuf b) {
        int i = b.readerIndex();
        int end = b.writerIndex();
        while (i < end) {
            if (partialFrameLeft > 0) {
                int take = Math.min(partialFrameLeft, end - i);
                partialFrameLeft -= take;
                i += take;
            } else {
                int length = b.getUnsignedShort(i);
                downlinkFrameLengths.add(length);
                i += 2;
                partialFrameLeft = length;
            }
        }
    }

    /** The client sends one uplink cell holding {@code messages}. */
    void send(GatewayMessage... messages) {
        client.writeOutbound(Cells.pack(cells.uplink(), messages));
        flush();
    }

    /** Raw bytes from the client side of the TCP connection (e.g. a garbled frame). */
    void sendRaw(ByteBuf raw) {
        gateway.writeInbound(raw);
        flush();
    }

    /** Lets {@code nanos} pass on the gateway's event loop (downlink ticks fire) and carries what it wrote. */
    void advance(long nanos) {
        gateway.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        gateway.runScheduledPendingTasks();
        flush();
    }

    /** The messages of cells received since the last call (dummies included as empty lists). */
    List<List<GatewayMessage>> received() {
        List<List<GatewayMessage>> out = List.copyOf(downlinkCells);
        downlinkCells.clear();
        return out;
    }

    /** All non-dummy messages received since the last call, in order. */
    List<GatewayMessage> messages() {
        return received().stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() {
        gateway.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }
}
