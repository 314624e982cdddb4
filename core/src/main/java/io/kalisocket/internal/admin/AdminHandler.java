package io.kalisocket.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kalisocket.internal.server.NodeStatus;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the admin endpoint's requests: {@code GET /status}, {@code /connections?limit=N}, {@code /metrics},
 * {@code /health}, {@code /health/live}, {@code /health/ready}, and {@code POST /stop}. With a token configured,
 * every request but the health checks must carry {@code Authorization: Bearer <token>} (401 otherwise).
 */
@Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final NodeStatus server;
    private final StatusReport status;
    private final ConnectionsReport connections;
    private final KaliMetrics metrics;
    private final byte[] token;
    private final Runnable stop;
    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    AdminHandler(NodeStatus server, StatusReport status, KaliMetrics metrics, String token, Runnable stop) {
        this.server = server;
        this.status = status;
        this.connections = new ConnectionsReport(server);
        this.metrics = metrics;
        this.token = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.stop = stop;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws JsonProcessingException {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        boolean health = path.equals("/health") || path.startsWith("/health/");
        if (!health && !authorized(request)) {
            respond(ctx, request, HttpResponseStatus.UNAUTHORIZED, JSON, "{\"error\":\"bearer token required\"}");
            return;
        }
        boolean get = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        if (path.equals("/stop") && request.method().equals(HttpMethod.POST)) {
            log.info("stop requested through the admin endpoint by {}", ctx.channel().remoteAddress());
            respond(ctx, request, HttpResponseStatus.ACCEPTED, JSON, "{\"stopping\":true}");
            Thread stopper = new Thread(stop, "kali-admin-stop");
            stopper.start();
            return;
        }
        if (!get) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, JSON, "{\"error\":\"method not allowed\"}");
            return;
        }
        switch (path) {
            case "/status" -> ok(ctx, request, json.writeValueAsString(status.build()));
            case "/connections" -> ok(ctx, request, json.writeValueAsString(connections.build(limit(uri))));
            case "/metrics" -> metrics.scrape().ifPresentOrElse(
                    text -> respond(ctx, request, HttpResponseStatus.OK, PROMETHEUS, text),
                    () -> respond(ctx, request, HttpResponseStatus.NOT_FOUND, JSON, "{\"error\":\"the metrics are "
                            + "recorded on the application's registry: scrape them where the application exports it\"}"));
            case "/health", "/health/ready" -> {
                boolean ready = server.isReady();
                respond(ctx, request, ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, JSON,
                        json.writeValueAsString(Map.of("live", true, "ready", ready,
                                "status", ready ? "ready" : server.isStopping() ? "draining" : "starting")));
            }
            case "/health/live" -> ok(ctx, request, "{\"live\":true}");
            default -> respond(ctx, request, HttpResponseStatus.NOT_FOUND, JSON,
                    "{\"error\":\"not found\",\"paths\":[\"/status\",\"/connections\",\"/metrics\",\"/health\","
                            + "\"/health/live\",\"/health/ready\",\"POST /stop\"]}");
        }
    }

    private boolean authorized(FullHttpRequest request) {
        if (token == null) {
            return true;
        }
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        return header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8));
    }

    private static int limit(QueryStringDecoder uri) {
        List<String> values = uri.parameters().get("limit");
        try {
            return values == null ? ConnectionsReport.DEFAULT_LIMIT : Math.max(0, Integer.parseInt(values.get(0)));
        } catch (NumberFormatException e) {
            return ConnectionsReport.DEFAULT_LIMIT;
        }
    }

    private static void ok(ChannelHandlerContext ctx, FullHttpRequest request, String body) {
        respond(ctx, request, HttpResponseStatus.OK, JSON, body);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
                request.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (status == HttpResponseStatus.UNAUTHORIZED) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("admin connection failed: {}", cause.toString());
        ctx.close();
    }
}
