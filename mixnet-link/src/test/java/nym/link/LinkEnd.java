package nym.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One end of a link in a test: an {@link EmbeddedChannel} with a link on it and a handler at the tail that records
 * what the link passes up (cells, {@link LinkEstablished}) and the failures it reports.
 */
final class LinkEnd {

    final EmbeddedChannel channel = new EmbeddedChannel();
    final List<byte[]> cells = new ArrayList<>();
    final List<LinkEstablished> established = new ArrayList<>();
    final List<LinkException> failures = new ArrayList<>();
    final List<Object> unexpected = new ArrayList<>();

    private LinkEnd() {
        // only the tests move the clock: a timeout is then reached exactly when a test says, never by a slow machine
        channel.freezeTime();
    }

    static LinkEnd initiator(LinkSettings settings, LinkKeys local, byte[] responderStatic) {
        LinkEnd end = new LinkEnd();
        NoiseLink.initiator(end.channel.pipeline(), settings, local, responderStatic, end.failures::add);
        end.record();
        return end;
    }

    static LinkEnd responder(LinkSettings settings, LinkKeys local, PeerAuthorizer authorizer, HandshakeGate gate) {
        LinkEnd end = new LinkEnd();
        NoiseLink.responder(end.channel.pipeline(), settings, local, authorizer, gate, end.failures::add);
        end.record();
        return end;
    }

    private void record() {
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof byte[] cell) {
                    cells.add(cell);
                } else {
                    unexpected.add(msg);
                }
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt instanceof LinkEstablished e) {
                    established.add(e);
                }
            }
        });
    }

    /** Every frame this end wrote since the last call, as arrays (the buffers are released). */
    List<byte[]> written() {
        List<byte[]> out = new ArrayList<>();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.add(bytes);
        }
        return out;
    }

    /** Feeds bytes in as one direct buffer (the link must release it). */
    void receive(byte[] bytes) {
        channel.writeInbound(channel.alloc().directBuffer(bytes.length).writeBytes(bytes));
    }

    /** Moves what each end wrote to the other until neither writes more. */
    static void pump(LinkEnd a, LinkEnd b) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (byte[] frame : a.written()) {
                b.receive(frame);
                moved = true;
            }
            for (byte[] frame : b.written()) {
                a.receive(frame);
                moved = true;
            }
        }
    }
}
