package nym.client.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lets only the local user's programs use the local API. A connection's first HTTP request (the WebSocket upgrade or
 * {@code GET /stats}) must carry the API's own loopback address as Host (so a web page cannot reach the API under
 * another name through DNS rebinding), no Origin header (browsers send one with every WebSocket and cross-origin
 * request; programs need none), and this run's {@link ApiSecret} as {@code Authorization: Bearer}. A refused request
 * gets HTTP 403 with the reason, is counted, and the connection is closed.
 *
 * <p>One request per connection is checked: {@code /stats} and refusals close the connection after answering, and an
 * accepted upgrade turns it into a WebSocket, so the guard then leaves the pipeline.
 *
 * <p>Ownership: an accepted request is passed on (the next handler releases it); a refused one is released here.
 */
final class ApiAccessGuard extends ChannelInboundHandlerAdapter {

    private final String expectedHost;
    private final ApiSecret secret;
    private final AccessRefusals refusals;

    /** @param expectedHost {@code host:port} of the API as clients address it, e.g. {@code 127.0.0.1:1977} */
    ApiAccessGuard(String expectedHost, ApiSecret secret, AccessRefusals refusals) {
        this.expectedHost = expectedHost;
        this.secret = secret;
        this.refusals = refusals;
    }

    /** The Host header value for a server bound to {@code host} and {@code port} (IPv6 literals in brackets). */
    static String hostHeader(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Optional<AccessRefusals.Reason> refusal = check(request.headers());
        if (refusal.isEmpty()) {
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(request);
            return;
        }
        ReferenceCountUtil.release(request);
        refusals.refused(refusal.get());
        refuse(ctx, refusal.get());
    }

    private Optional<AccessRefusals.Reason> check(HttpHeaders headers) {
        if (!expectedHost.equalsIgnoreCase(headers.get(HttpHeaderNames.HOST, ""))) {
            return Optional.of(AccessRefusals.Reason.WRONG_HOST);
        }
        if (headers.contains(HttpHeaderNames.ORIGIN)) {
            return Optional.of(AccessRefusals.Reason.ORIGIN);
        }
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            return Optional.of(AccessRefusals.Reason.MISSING_SECRET);
        }
        return secret.isPresentedBy(authorization) ? Optional.empty() : Optional.of(AccessRefusals.Reason.WRONG_SECRET);
    }

    private static void refuse(ChannelHandlerContext ctx, AccessRefusals.Reason reason) {
        byte[] body = Json.createObjectBuilder()
                .add("type", "error")
                .add("message", reason.explanation())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                HttpResponseStatus.FORBIDDEN,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, body.length);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
