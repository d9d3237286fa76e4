package nym.mixnode.incoming;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.mixnode.metrics.NodeMetrics;

/**
 * Hands each received packet to the crypto workers, off the event loop. Messages are the link's decrypted cells,
 * plain {@code byte[]} of exactly the Sphinx packet size (mixnet-link), so there is nothing to release. Overload is
 * counted by the workers' queue; a peer's I/O error closes only its connection (logged without its address).
 */
@ChannelHandler.Sharable
public final class IncomingPacketHandler extends SimpleChannelInboundHandler<byte[]> {

    private static final Logger LOG = Logger.getLogger(IncomingPacketHandler.class.getName());

    private final NodeMetrics metrics;
    private final Predicate<byte[]> workers;

    /** @param workers accepts a packet or drops it (counting why); never blocks */
    public IncomingPacketHandler(NodeMetrics metrics, Predicate<byte[]> workers) {
        this.metrics = metrics;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] packet) {
        metrics.received();
        workers.test(packet);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(
                cause instanceof IOException ? Level.FINE : Level.WARNING,
                "mix link closed: " + cause.getClass().getSimpleName());
        ctx.close();
    }
}
