package io.kalisocket.internal.server;

import io.kalisocket.connection.Handshake;
import io.kalisocket.http.HttpEndpoint;
import io.kalisocket.http.HttpRequest;
import io.kalisocket.http.HttpResponse;
import io.kalisocket.internal.http.HttpEndpoints;
import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the port. A plain request to an application's {@link HttpEndpoint} runs it on an action thread;
 * any other plain GET is served from the static root (or, with {@code ?ks_refusal=ID}, answers a client's look-up
 * of its refused upgrade); a WebSocket upgrade passes the handshake rate, the path and origin
 * checks, the connection limits and the application's {@code onWebSocketConnect} (run off the event loop) before
 * it goes on to the handshake. Every refusal is answered by {@link HandshakeRefusals}. Removed from the pipeline
 * once the upgrade completes.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final WebSocketEndpoint endpoint;
    private final RealIpResolver realIp;
    private final ConnectionLimiter limiter;
    private final StaticFiles staticFiles;
    private final HttpEndpoints appEndpoints;
    private final LifecycleCallbacks callbacks;
    private final HandshakeRefusals refusals;
    private final WebSocketUpgrade upgrade;

    /**
     * @param endpoint what an upgrade must pass
     * @param staticFiles served for plain GETs
     * @param appEndpoints the application's HTTP endpoints, served before the static files
     * @param callbacks the application's {@code onWebSocketConnect}
     * @param upgrade completes an upgrade that passed the checks
     */
    HttpRequestHandler(WebSocketEndpoint endpoint, StaticFiles staticFiles, HttpEndpoints appEndpoints,
            LifecycleCallbacks callbacks, WebSocketUpgrade upgrade) {
        super(false);
        this.endpoint = endpoint;
        this.realIp = endpoint.realIp();
        this.limiter = endpoint.limiter();
        this.staticFiles = staticFiles;
        this.appEndpoints = appEndpoints;
        this.callbacks = callbacks;
        this.refusals = endpoint.refusals();
        this.upgrade = upgrade;
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
        if (!request.decoderResult().isSuccess() || !decodes(uri)) {
            reply(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request");
            return;
        }
        if (!isUpgrade(request)) {
            if (request.method() == HttpMethod.GET && RecentRefusals.asksFor(uri)) {
                refusals.answerLookup(ctx, request, uri);
            } else {
                Optional<HttpEndpoint> app = appEndpoints.find(uri.path());
                if (app.isPresent()) {
                    serveEndpoint(ctx, request, uri, app.get());
                } else {
                    serveFile(ctx, request, uri.path());
                }
            }
            return;
        }
        String ip = realIp.resolve((InetSocketAddress) ctx.channel().remoteAddress(), request.headers());
        // First: every upgrade request counts against the rate, whatever else is wrong with it.
        if (!endpoint.handshakeRate().tryAcquire(ip)) {
            refusals.refuse(ctx, request, HttpResponseStatus.TOO_MANY_REQUESTS, "too many handshakes from " + ip,
                    "handshakes-per-ip-per-second", ip);
            return;
        }
        if (!uri.path().equals(endpoint.path())) {
            refusals.refuse(ctx, request, HttpResponseStatus.NOT_FOUND, "no WebSocket endpoint at " + uri.path(),
                    "path", ip);
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        var allowed = endpoint.allowedOrigins();
        if (!allowed.isEmpty() && (origin == null || !allowed.contains(origin))) {
            refusals.refuse(ctx, request, HttpResponseStatus.FORBIDDEN, "origin not allowed", "origin", ip);
            return;
        }
        ConnectionLimiter.Refusal refusal = limiter.tryAcquire(ip);
        if (refusal == ConnectionLimiter.Refusal.TOTAL) {
            refusals.refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, "too many connections",
                    "max-connections", ip);
            return;
        }
        if (refusal == ConnectionLimiter.Refusal.PER_IP) {
            refusals.refuse(ctx, request, HttpResponseStatus.TOO_MANY_REQUESTS, "too many connections from " + ip,
                    "max-connections-per-ip", ip);
            return;
        }
        // Released by the lifecycle stage when the socket closes: no close listener per connection.
        ((ConnectionLifecycleHandler) ctx.pipeline().last()).holdsSlotOf(ip); // the last stage: no walk by class
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        connection.ip(ip);
        Handshake handshake = new Handshake(request.uri(), uri.path(), paramsOf(uri),
                new RequestHeaders(request.headers()),
                (InetSocketAddress) ctx.channel().remoteAddress(), ip);
        ctx.channel().attr(ChannelAttributes.HANDSHAKE).set(handshake);
        if (!callbacks.hasUpgradeCheck()) {
            upgrade.complete(ctx, request); // nothing to ask the application: no hop off the loop and back
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
            refusals.refuse(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error",
                    "callback-error", handshake.ip());
        } else if (handshake.rejectStatus() != 0) {
            refusals.refuse(ctx, request, HttpResponseStatus.valueOf(handshake.rejectStatus()),
                    Optional.ofNullable(handshake.rejectReason()).orElse("refused"), "rejected-by-app", handshake.ip());
        } else if (ctx.channel().isActive()) {
            upgrade.complete(ctx, request);
        } else {
            request.release();
        }
    }

    private void serveEndpoint(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri,
            HttpEndpoint app) {
        String ip = realIp.resolve((InetSocketAddress) ctx.channel().remoteAddress(), request.headers());
        HttpRequest call = new HttpRequest(request.method().name(), uri.path(), uri.parameters(),
                RequestHeaders.copyOf(request.headers()),
                request.content().toString(StandardCharsets.UTF_8), ip);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        request.release();
        // One request at a time on a connection: the next one is read once this one is answered.
        ctx.channel().config().setAutoRead(false);
        try {
            appEndpoints.serve(app, call, answer -> ctx.executor().execute(() -> {
                ctx.channel().config().setAutoRead(true);
                HttpResponses.send(ctx, keepAlive, answer);
            }));
        } catch (RejectedExecutionException busy) {
            ctx.channel().config().setAutoRead(true);
            HttpResponses.send(ctx, false, HttpResponse.text(503, "server busy\n"));
        }
    }

    private void serveFile(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        // Nothing there is a 404 whatever the method (a POST to an endpoint the app did not register, say).
        Optional<StaticFiles.File> file = staticFiles.find(path);
        if (file.isEmpty()) {
            reply(ctx, request, HttpResponseStatus.NOT_FOUND, "not found");
            return;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            reply(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
            return;
        }
        byte[] body = request.method() == HttpMethod.HEAD ? new byte[0] : file.get().content();
        HttpResponses.send(ctx, request, HttpResponseStatus.OK, body, file.get().contentType(), false);
        request.release();
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String reason) {
        HttpResponses.error(ctx, request, status, reason);
        request.release();
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /** @return false for a target whose percent escapes are broken ({@code /%zz}): the client's error, a 400 */
    private static boolean decodes(QueryStringDecoder uri) {
        try {
            uri.path();
            uri.parameters();
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The query's parameters without the client's refusal id: it is the client's business, not the app's. */
    private static Map<String, List<String>> paramsOf(QueryStringDecoder uri) {
        if (!RecentRefusals.asksFor(uri)) {
            return uri.parameters();
        }
        Map<String, List<String>> params = new HashMap<>(uri.parameters());
        params.remove(RecentRefusals.PARAM);
        return params;
    }
}
