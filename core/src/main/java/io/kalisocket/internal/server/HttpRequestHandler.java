package io.kalisocket.internal.server;

import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the port. A plain GET is served from the static root; a WebSocket upgrade passes the
 * origin check, the connection limits and the application's {@code onWebSocketConnect} (run off the event
 * loop) before it goes on to the handshake. Removed from the pipeline once the upgrade completes.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final WebSocketEndpoint endpoint;
    private final RealIpResolver realIp;
    private final ConnectionLimiter limiter;
    private final StaticFiles staticFiles;
    private final LifecycleCallbacks callbacks;
    private final ServerStats stats;

    /**
     * @param endpoint what an upgrade must pass
     * @param staticFiles served for plain GETs
     * @param callbacks the application's {@code onWebSocketConnect}
     * @param stats counts refused upgrades by reason
     */
    HttpRequestHandler(WebSocketEndpoint endpoint, StaticFiles staticFiles, LifecycleCallbacks callbacks,
            ServerStats stats) {
        super(false);
        this.endpoint = endpoint;
        this.realIp = endpoint.realIp();
        this.limiter = endpoint.limiter();
        this.staticFiles = staticFiles;
        this.callbacks = callbacks;
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            route(ctx, request);
        } catch (RuntimeException e) {
            request.release();
            throw e;
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (!request.decoderResult().isSuccess()) {
            reply(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request");
            return;
        }
        if (!isUpgrade(request)) {
            serveFile(ctx, request, uri.path());
            return;
        }
        if (!uri.path().equals(endpoint.path())) {
            refuse(ctx, request, HttpResponseStatus.NOT_FOUND, "no WebSocket endpoint at " + uri.path(), "path");
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        var allowed = endpoint.allowedOrigins();
        if (!allowed.isEmpty() && (origin == null || !allowed.contains(origin))) {
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN, "origin not allowed", "origin");
            return;
        }
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        String ip = realIp.resolve((InetSocketAddress) ctx.channel().remoteAddress(), request.headers());
        ConnectionLimiter.Refusal refusal = limiter.tryAcquire(ip);
        if (refusal == ConnectionLimiter.Refusal.TOTAL) {
            refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, "too many connections", "max-connections");
            return;
        }
        if (refusal == ConnectionLimiter.Refusal.PER_IP) {
            refuse(ctx, request, HttpResponseStatus.TOO_MANY_REQUESTS, "too many connections from " + ip,
                    "max-connections-per-ip");
            return;
        }
        ConnectionLimiter held = limiter; // not the field: a listener that captured this stage would keep it alive
        ctx.channel().closeFuture().addListener(f -> held.release(ip));
        connection.ip(ip);
        Handshake handshake = new Handshake(request.uri(), uri.path(), uri.parameters(), headersOf(request),
                (InetSocketAddress) ctx.channel().remoteAddress(), ip);
        ctx.channel().attr(ChannelAttributes.HANDSHAKE).set(handshake);
        if (!callbacks.hasUpgradeCheck()) {
            ctx.fireChannelRead(request); // nothing to ask the application: no hop off the loop and back
            return;
        }
        // The application's check may block (a token lookup), so it runs off the loop; reads pause meanwhile.
        ctx.channel().config().setAutoRead(false);
        boolean queued = connection.queue().offer(() -> {
            Throwable failure = null;
            try {
                callbacks.onWebSocketConnect().accept(connection, handshake);
            } catch (RuntimeException e) {
                failure = e;
            }
            Throwable error = failure;
            ctx.executor().execute(() -> afterCheck(ctx, request, handshake, error));
        });
        if (!queued) {
            request.release();
            ctx.close();
        }
    }

    private void afterCheck(ChannelHandlerContext ctx, FullHttpRequest request, Handshake handshake, Throwable error) {
        ctx.channel().config().setAutoRead(true);
        if (error != null) {
            log.error("onWebSocketConnect failed for {}", handshake.ip(), error);
            refuse(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", "callback-error");
        } else if (handshake.rejectStatus() != 0) {
            refuse(ctx, request, HttpResponseStatus.valueOf(handshake.rejectStatus()),
                    Optional.ofNullable(handshake.rejectReason()).orElse("refused"), "rejected-by-app");
        } else if (ctx.channel().isActive()) {
            ctx.fireChannelRead(request);
        } else {
            request.release();
        }
    }

    private void serveFile(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            reply(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
            return;
        }
        Optional<StaticFiles.File> file = staticFiles.find(path);
        if (file.isEmpty()) {
            reply(ctx, request, HttpResponseStatus.NOT_FOUND, "not found");
            return;
        }
        byte[] body = request.method() == HttpMethod.HEAD ? new byte[0] : file.get().content();
        HttpResponses.send(ctx, request, HttpResponseStatus.OK, body, file.get().contentType(), false);
        request.release();
    }

    private void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String reason,
            String counter) {
        stats.handshakeRefused(counter);
        log.debug("refused WebSocket upgrade from {}: {} {}", ctx.channel().remoteAddress(), status.code(), reason);
        reply(ctx, request, status, reason);
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String reason) {
        HttpResponses.error(ctx, request, status, reason);
        request.release();
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static Map<String, String> headersOf(FullHttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(e -> headers.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(),
                (a, b) -> a + ", " + b));
        return headers;
    }
}
