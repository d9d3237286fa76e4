package nym.client.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import nym.client.ClientException;

/**
 * The local API on a loopback address: WebSocket at {@code /} (one JSON request per text frame, one answer each, see
 * {@link ApiRequestHandler}) and {@code GET /stats} (the same JSON as the {@code stats} request, for scripts), for the
 * local user's programs only ({@link ApiAccessGuard}: Host, no Origin, this run's {@link ApiSecret}). Frames larger
 * than {@link ApiRequestHandler#MAX_REQUEST_CHARS} close the connection; binary frames get an error answer.
 */
public final class LocalApiServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel server;

    private LocalApiServer(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /**
     * @throws ClientException {@link ClientException.Kind#CONFIG} when the address cannot be bound
     */
    public static LocalApiServer start(String host, int port, ApiSecret secret, ApiRequestHandler handler) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // bytes -> HTTP request (aggregated) -> access check of the connection's first request
                            // -> WebSocket upgrade at / (or GET /stats) -> whole frames -> JSON requests
                            String expectedHost = ApiAccessGuard.hostHeader(
                                    host, ch.localAddress().getPort());
                            ch.pipeline()
                                    .addLast(
                                            new HttpServerCodec(),
                                            new HttpObjectAggregator(ApiRequestHandler.MAX_REQUEST_CHARS),
                                            new ApiAccessGuard(expectedHost, secret, handler.refusals()),
                                            new WebSocketServerProtocolHandler(
                                                    "/", null, false, ApiRequestHandler.MAX_REQUEST_CHARS * 4),
                                            new WebSocketFrameAggregator(ApiRequestHandler.MAX_REQUEST_CHARS * 4),
                                            new StatsHandler(handler),
                                            new FrameHandler(handler));
                        }
                    })
                    .bind(new InetSocketAddress(host, port))
                    .syncUninterruptibly()
                    .channel();
            return new LocalApiServer(group, server);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new ClientException(
                    ClientException.Kind.CONFIG,
                    "cannot open the local API on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Plain HTTP requests that are not a WebSocket upgrade: {@code GET /stats}, else 404. */
    private static final class StatsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ApiRequestHandler handler;

        StatsHandler(ApiRequestHandler handler) {
            this.handler = handler;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean stats =
                    request.method().equals(HttpMethod.GET) && request.uri().equals("/stats");
            byte[] body = (stats ? handler.stats() : "{\"type\":\"error\",\"message\":\"GET /stats or WebSocket /\"}")
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(
                    request.protocolVersion(),
                    stats ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(response, body.length);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final ApiRequestHandler handler;

        FrameHandler(ApiRequestHandler handler) {
            this.handler = handler;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            String answer = frame instanceof TextWebSocketFrame text
                    ? handler.handle(text.text())
                    : "{\"type\":\"error\",\"message\":\"requests are JSON in text frames\"}";
            ctx.writeAndFlush(new TextWebSocketFrame(answer));
        }
    }
}
