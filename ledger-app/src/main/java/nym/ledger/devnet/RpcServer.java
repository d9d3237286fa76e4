package nym.ledger.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * CometBFT-compatible RPC over HTTP: JSON-RPC 2.0 POSTs to {@code /} (single or batch), URI GETs
 * ({@code /status}, {@code /tx?hash=0x…}), and JSON-RPC over {@code /websocket} with
 * {@code subscribe}/{@code unsubscribe}/{@code unsubscribe_all}. Requests on one connection are answered in order.
 */
public final class RpcServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RpcServer.class.getName());
    private static final AttributeKey<CompletableFuture<?>> TAIL = AttributeKey.valueOf("nym.rpc.tail");
    /** A subscriber whose unsent backlog exceeds this is cut off, as CometBFT cancels slow subscribers. */
    private static final long MAX_SUBSCRIBER_BACKLOG = 64L << 20;

    private final RpcMethods methods;
    private final EventBus bus;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final java.util.concurrent.ExecutorService rpcWorkers;
    private final Channel server;

    public RpcServer(RpcMethods methods, EventBus bus, InetSocketAddress bind) {
        this.methods = methods;
        this.bus = bus;
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.rpcWorkers = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "devnet-rpc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(
                                            new HttpServerCodec(),
                                            new HttpObjectAggregator(16 << 20),
                                            new WebSocketServerProtocolHandler("/websocket", null, true, 16 << 20),
                                            new HttpHandler(),
                                            new WsHandler());
                        }
                    })
                    .bind(bind)
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            rpcWorkers.shutdown();
            throw new LedgerException(Kind.UNAVAILABLE, "cannot listen on " + bind + ": " + e.getMessage(), e);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "RPC listening on http://{0}:{1,number,#}",
                address().getHostString(),
                address().getPort());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        rpcWorkers.shutdownNow();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ------------------------------------------------------------------ JSON-RPC envelope

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id == null ? RpcJson.JSON.nullNode() : id);
        o.set("result", result);
        return o;
    }

    static ObjectNode error(JsonNode id, RpcError e) {
        ObjectNode o = RpcJson.JSON.createObjectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id == null ? RpcJson.JSON.nullNode() : id);
        ObjectNode err = o.putObject("error");
        err.put("code", e.code());
        err.put("message", e.message());
        err.put("data", e.data() == null ? "" : e.data());
        return o;
    }

    static RpcError asRpcError(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (!(c instanceof LedgerException)) {
            LOG.log(System.Logger.Level.WARNING, "RPC failure", c);
        }
        return RpcError.of(c);
    }

    /** Answers one JSON-RPC request object (never fails; errors become error envelopes). */
    private CompletableFuture<JsonNode> dispatch(JsonNode req, Object wsOwner, Channel wsChannel) {
        JsonNode id = req.get("id");
        if (!req.isObject() || !req.hasNonNull("method")) {
            return CompletableFuture.completedFuture(
                    error(id, RpcError.of(new LedgerException(Kind.BAD_REQUEST, "missing method"))));
        }
        String method = req.get("method").asText();
        JsonNode params = req.get("params");
        boolean subscription = method.equals("subscribe") || method.startsWith("unsubscribe");
        if (subscription && wsChannel != null) {
            try {
                return CompletableFuture.completedFuture(
                        result(id, subscription(method, params, id, wsOwner, wsChannel)));
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(error(id, asRpcError(e)));
            }
        }
        if (subscription) {
            return CompletableFuture.completedFuture(error(
                    id,
                    RpcError.of(new LedgerException(
                            Kind.INVALID_ARGUMENT,
                            "subscribe/unsubscribe are only available over the websocket (/websocket)"))));
        }
        return methods.call(method, params, false)
                .handle((r, err) -> err == null ? result(id, r) : error(id, asRpcError(err)));
    }

    private JsonNode subscription(String method, JsonNode params, JsonNode id, Object owner, Channel ch) {
        JsonNode named = RpcMethods.named(method, params);
        String q = named.has("query") ? named.get("query").asText() : null;
        switch (method) {
            case "subscribe" -> {
                EventQuery query = EventQuery.parse(q);
                if (bus.count(owner) >= 100) {
                    throw new LedgerException(Kind.INVALID_ARGUMENT, "max_subscriptions_per_client 100 reached");
                }
                if (bus.has(owner, q)) {
                    throw new LedgerException(Kind.INVALID_ARGUMENT, "already subscribed");
                }
                bus.subscribe(owner, query, ev -> push(ch, owner, id, query, ev));
                return RpcJson.JSON.createObjectNode();
            }
            case "unsubscribe" -> {
                if (!bus.unsubscribe(owner, q)) {
                    throw new LedgerException(Kind.INVALID_ARGUMENT, "subscription not found");
                }
                return RpcJson.JSON.createObjectNode();
            }
            case "unsubscribe_all" -> {
                bus.unsubscribeAll(owner);
                return RpcJson.JSON.createObjectNode();
            }
            default -> throw new LedgerException(Kind.UNKNOWN_METHOD, method);
        }
    }

    private void push(Channel ch, Object owner, JsonNode id, EventQuery q, EventBus.Published ev) {
        if (!ch.isActive()) {
            bus.unsubscribeAll(owner);
            return;
        }
        if (ch.unsafe().outboundBuffer() != null
                && ch.unsafe().outboundBuffer().totalPendingWriteBytes() > MAX_SUBSCRIBER_BACKLOG) {
            bus.unsubscribeAll(owner);
            ObjectNode err = error(
                    id,
                    RpcError.of(new LedgerException(
                            Kind.UNAVAILABLE,
                            "subscription was canceled" + " (reason: client is not pulling messages fast enough)")));
            ch.writeAndFlush(new TextWebSocketFrame(err.toString()));
            return;
        }
        ObjectNode res = RpcJson.JSON.createObjectNode();
        res.put("query", q.source());
        res.set("data", ev.data());
        ObjectNode events = res.putObject("events");
        for (Map.Entry<String, List<String>> e : ev.events().entrySet()) {
            ArrayNode a = events.putArray(e.getKey());
            e.getValue().forEach(a::add);
        }
        ch.writeAndFlush(new TextWebSocketFrame(result(id, res).toString()));
    }

    private static JsonNode parse(String body) {
        try {
            return RpcJson.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Runs {@code work} on the RPC worker pool after the previous request of this connection has been answered, so
     * answers keep request order and blocking calls (CheckTx while a block is committed, ABCI queries) never stall
     * the event loops.
     */
    private void inOrder(Channel ch, java.util.function.Supplier<CompletableFuture<?>> work) {
        synchronized (ch) {
            CompletableFuture<?> tail = ch.attr(TAIL).get();
            CompletableFuture<?> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<?> next =
                    previous.handleAsync((a, b) -> null, rpcWorkers).thenCompose(x -> work.get());
            ch.attr(TAIL).set(next);
        }
    }

    // ------------------------------------------------------------------ HTTP

    private final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            Channel ch = ctx.channel();
            if (req.method().equals(HttpMethod.POST)) {
                String body = req.content().toString(StandardCharsets.UTF_8);
                inOrder(ch, () -> {
                    JsonNode json = parse(body);
                    CompletableFuture<JsonNode> answer;
                    if (json == null) {
                        answer = CompletableFuture.completedFuture(error(null, RpcError.parseError()));
                    } else if (json.isArray()) {
                        List<CompletableFuture<JsonNode>> parts = new java.util.ArrayList<>();
                        json.forEach(r -> parts.add(dispatch(r, null, null)));
                        answer = CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                                .thenApply(v -> {
                                    ArrayNode a = RpcJson.JSON.createArrayNode();
                                    parts.forEach(p -> a.add(p.join()));
                                    return a;
                                });
                    } else {
                        answer = dispatch(json, null, null);
                    }
                    return answer.thenAccept(a -> respond(ch, HttpResponseStatus.OK, a, keepAlive));
                });
            } else if (req.method().equals(HttpMethod.GET)) {
                QueryStringDecoder qs = new QueryStringDecoder(req.uri());
                String method = qs.path().replaceFirst("^/+", "");
                ObjectNode params = RpcJson.JSON.createObjectNode();
                qs.parameters().forEach((k, v) -> params.put(k, v.get(0)));
                inOrder(ch, () -> {
                    if (method.equals("metrics")) {
                        return CompletableFuture.runAsync(() -> respondText(ch, methods.metricsText(), keepAlive));
                    }
                    if (method.isEmpty()) {
                        return CompletableFuture.runAsync(() -> respond(
                                ch,
                                HttpResponseStatus.OK,
                                result(
                                        RpcJson.JSON.getNodeFactory().textNode(""),
                                        RpcJson.JSON
                                                .getNodeFactory()
                                                .textNode("nym ledger devnet: CometBFT RPC "
                                                        + "subset; POST JSON-RPC to /, or GET /<method>?param=value")),
                                keepAlive));
                    }
                    return methods.call(method, params, true).handle((r, err) -> {
                        JsonNode id = RpcJson.JSON.getNodeFactory().numberNode(-1);
                        respond(
                                ch,
                                err == null ? HttpResponseStatus.OK : HttpResponseStatus.INTERNAL_SERVER_ERROR,
                                err == null ? result(id, r) : error(id, asRpcError(err)),
                                keepAlive);
                        return null;
                    });
                });
            } else {
                respond(
                        ch,
                        HttpResponseStatus.METHOD_NOT_ALLOWED,
                        error(null, RpcError.of(new LedgerException(Kind.BAD_REQUEST, "use GET or POST"))),
                        false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "RPC connection closed: {0}", cause.toString());
            ctx.close();
        }
    }

    private static void respond(Channel ch, HttpResponseStatus status, JsonNode body, boolean keepAlive) {
        byte[] bytes;
        try {
            bytes = RpcJson.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            bytes = "{}".getBytes(StandardCharsets.UTF_8);
        }
        respond(ch, status, "application/json", bytes, keepAlive);
    }

    private static void respondText(Channel ch, String prometheusText, boolean keepAlive) {
        respond(
                ch,
                HttpResponseStatus.OK,
                "text/plain; version=0.0.4; charset=utf-8",
                prometheusText.getBytes(StandardCharsets.UTF_8),
                keepAlive);
    }

    private static void respond(
            Channel ch, HttpResponseStatus status, String contentType, byte[] bytes, boolean keepAlive) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        FullHttpResponse resp =
                new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status, buf);
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ch.writeAndFlush(resp);
        } else {
            ch.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    // ------------------------------------------------------------------ websocket

    private final class WsHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            Channel ch = ctx.channel();
            String text = frame.text();
            inOrder(ch, () -> {
                JsonNode json = parse(text);
                CompletableFuture<JsonNode> answer = json == null
                        ? CompletableFuture.completedFuture(error(null, RpcError.parseError()))
                        : dispatch(json, ch, ch);
                return answer.thenAccept(a -> ch.writeAndFlush(new TextWebSocketFrame(a.toString())));
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            bus.unsubscribeAll(ctx.channel());
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            bus.unsubscribeAll(ctx.channel());
            ctx.close();
        }
    }
}
