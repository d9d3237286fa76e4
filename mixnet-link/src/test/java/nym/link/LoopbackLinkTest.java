package nym.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A link over a real loopback TCP connection: the responder echoes each cell back, bytes reversed. */
class LoopbackLinkTest {

    private static final int CELL = 1024;

    @Test
    void link_overLoopbackTcp_carriesCellsBothWaysAcrossRekeys() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] seedA = new byte[32];
        byte[] seedB = new byte[32];
        random.nextBytes(seedA);
        random.nextBytes(seedB);
        LinkKeys client = LinkKeys.fromEd25519Seed(seedA);
        LinkKeys server = LinkKeys.fromEd25519Seed(seedB);
        LinkSettings settings = LinkSettings.of("loopback", CELL, CELL).withRekeyInterval(7);
        BlockingQueue<byte[]> echoed = new LinkedBlockingQueue<>();
        BlockingQueue<LinkException> failures = new LinkedBlockingQueue<>();
        HandshakeGate gate = new HandshakeGate(2);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            NoiseLink.responder(
                                    ch.pipeline(),
                                    settings,
                                    server,
                                    key -> Arrays.equals(key, client.publicKey()),
                                    gate,
                                    failures::add);
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<byte[]>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, byte[] cell) {
                                    byte[] reversed = new byte[cell.length];
                                    for (int i = 0; i < cell.length; i++) {
                                        reversed[i] = cell[cell.length - 1 - i];
                                    }
                                    ctx.writeAndFlush(reversed);
                                }
                            });
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            Channel link = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            NoiseLink.initiator(ch.pipeline(), settings, client, server.publicKey(), failures::add);
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<byte[]>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, byte[] cell) {
                                    echoed.add(cell);
                                }
                            });
                        }
                    })
                    .connect(listener.localAddress())
                    .sync()
                    .channel();
            for (int n = 0; n < 50; n++) {
                byte[] cell = new byte[CELL];
                cell[0] = (byte) n;
                link.writeAndFlush(cell);
            }
            for (int n = 0; n < 50; n++) {
                byte[] back = echoed.poll(10, TimeUnit.SECONDS);
                assertEquals((byte) n, back[CELL - 1]);
            }
            assertEquals(0, echoed.size());
            link.close().sync();
            listener.close().sync();
            assertEquals(List.of(), List.copyOf(failures));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
