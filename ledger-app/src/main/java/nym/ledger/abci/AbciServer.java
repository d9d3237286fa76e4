package nym.ledger.abci;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.Response;

/**
 * The ABCI socket server CometBFT connects to (its four connections: consensus, mempool, query, snapshot).
 * Each connection's requests are answered strictly in order on that connection's event loop; responses are
 * flushed when a Flush request arrives (and at the end of each read, so nothing waits).
 */
public final class AbciServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AbciServer.class.getName());

    private final AbciApplication app;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;

    private AbciServer(AbciApplication app, InetSocketAddress bind) throws InterruptedException {
        this.app = app;
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(4, NioIoHandler.newFactory());
        try {
            this.server = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new AbciFrameDecoder(), new Handler(app));
                        }
                    })
                    .bind(bind)
                    .sync()
                    .channel();
        } catch (RuntimeException | InterruptedException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw e;
        }
    }

    /** Starts listening on {@code tcp://host:port} (port 0 picks a free port). */
    public static AbciServer start(AbciApplication app, String address) {
        InetSocketAddress bind = parseAddress(address);
        try {
            AbciServer s = new AbciServer(app, bind);
            LOG.log(System.Logger.Level.INFO, "ABCI server listening on {0}", s.url());
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Kind.UNAVAILABLE, "interrupted while binding " + address);
        } catch (RuntimeException e) {
            throw new LedgerException(Kind.UNAVAILABLE, "cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    public static InetSocketAddress parseAddress(String address) {
        String a = address.contains("://") ? address : "tcp://" + address;
        URI u = URI.create(a);
        if (!"tcp".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 0) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "address must be tcp://host:port, got " + address);
        }
        return new InetSocketAddress(u.getHost(), u.getPort());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** "tcp://host:port" of the bound socket. */
    public String url() {
        InetSocketAddress a = address();
        return "tcp://" + a.getHostString() + ":" + a.getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Decodes one Request, answers it, writes the length-prefixed Response. Package-private for tests. */
    static final class Handler extends SimpleChannelInboundHandler<ByteBuf> {
        private final AbciApplication app;

        Handler(AbciApplication app) {
            this.app = app;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) throws IOException {
            Request req;
            try {
                req = Request.parseFrom(CodedInputStream.newInstance(frame.nioBuffer()));
            } catch (IOException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "undecodable ABCI request from {0}: {1}",
                        ctx.channel().remoteAddress(),
                        e.getMessage());
                ctx.writeAndFlush(encode(
                        ctx,
                        Response.newBuilder()
                                .setException(nym.ledger.abci.proto.Abci.ResponseException.newBuilder()
                                        .setError("undecodable request: " + e.getMessage()))
                                .build()));
                ctx.close();
                return;
            }
            Response resp = app.handle(req);
            if (resp.hasException()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "ABCI {0} failed: {1}",
                        req.getValueCase(),
                        resp.getException().getError());
            }
            ByteBuf out = encode(ctx, resp);
            if (req.hasFlush()) {
                ctx.writeAndFlush(out);
            } else {
                ctx.write(out);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "ABCI connection {0} closed: {1}",
                    ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        }

        private static ByteBuf encode(ChannelHandlerContext ctx, Response resp) throws IOException {
            int size = resp.getSerializedSize();
            ByteBuf out = ctx.alloc().buffer(size + 10);
            Varint.write(out, size);
            try (ByteBufOutputStream os = new ByteBufOutputStream(out)) {
                CodedOutputStream cos = CodedOutputStream.newInstance(os, Math.min(Math.max(size, 16), 1 << 16));
                resp.writeTo(cos);
                cos.flush();
            } catch (IOException | RuntimeException e) {
                out.release();
                throw e;
            }
            return out;
        }
    }
}
