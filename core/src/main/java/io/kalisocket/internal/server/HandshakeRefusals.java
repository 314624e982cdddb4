package io.kalisocket.internal.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kalisocket.internal.logging.LogLimiter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every refused WebSocket upgrade is answered, whoever refuses it (the path, the Origin check, the limits, the
 * application's {@code onWebSocketConnect}, authentication): its HTTP status with the body
 * {@code {"status":401,"reason":"token expired"}} ({@code application/json}, {@code Connection: close}), counted by
 * reason in the server's stats, remembered for the client's look-up ({@link RecentRefusals}), and logged at INFO at
 * most once a second per reason, since a client can be refused as often as it likes.
 */
final class HandshakeRefusals {

    /** The least time between two log lines of one reason. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(HandshakeRefusals.class);
    /** Longer reasons are cut: the body is a short answer, not a report. */
    private static final int MAX_REASON_CHARS = 200;

    private final ServerStats stats;
    private final RecentRefusals recent;
    private final LongSupplier nanoClock;
    /** One per reason; the reasons are the server's own constants, so the map stays small. */
    private final Map<String, LogLimiter> logLimiters = new ConcurrentHashMap<>();

    /**
     * @param stats counts refusals by reason
     * @param recent where answers wait for the client's look-up
     * @param nanoClock the server's clock
     */
    HandshakeRefusals(ServerStats stats, RecentRefusals recent, LongSupplier nanoClock) {
        this.stats = stats;
        this.recent = recent;
        this.nanoClock = nanoClock;
    }

    /**
     * Answers a refused upgrade and releases the request.
     *
     * @param ctx the connection's context
     * @param request the upgrade request, released here
     * @param status the HTTP status
     * @param reason the short reason the client gets
     * @param counter the reason's key in the stats and the log, e.g. {@code origin}
     * @param ip the client's real IP, for the log
     */
    void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String reason,
            String counter, String ip) {
        String shortReason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
        byte[] body = body(status.code(), shortReason);
        stats.handshakeRefused(counter);
        recent.remember(new QueryStringDecoder(request.uri()), body);
        long leftOut = logLimiters.computeIfAbsent(counter, c -> new LogLimiter(LOG_INTERVAL, nanoClock)).tryLog();
        if (leftOut >= 0) {
            log.info("refused WebSocket upgrade from {}: {} {} ({}; {} more refusals for this reason since the last "
                    + "line)", ip, status.code(), shortReason, counter, leftOut);
        }
        HttpResponses.send(ctx, request, status, body, HttpResponses.JSON, true);
        request.release();
    }

    /**
     * Answers a client's look-up of its refusal ({@code GET <any path>?ks_refusal=ID}): 200 with the refusal's body,
     * or 204 when there is none (it expired, or the upgrade failed for another reason).
     *
     * @param ctx the connection's context
     * @param request the look-up, released here
     * @param uri its URI
     */
    void answerLookup(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        HttpResponses.refusalLookup(ctx, request, recent.find(uri).orElse(null));
        request.release();
    }

    /** @return {@code {"status":S,"reason":R}}, encoded by Jackson */
    static byte[] body(int status, String reason) {
        return JsonNodeFactory.instance.objectNode().put("status", status).put("reason", reason).toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
