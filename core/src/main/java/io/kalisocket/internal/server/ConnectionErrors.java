package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.logging.LogLimiter;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever failed in a connection's pipeline, handed on by its last stage ({@link ConnectionLifecycleHandler}; not a
 * stage of its own, which would cost every connection a pipeline context). An oversized message closes the connection with 1009; a frame that
 * broke the protocol was already answered by the outbound guard (1002, 1007 or 1009) and is counted; a socket error
 * or a client that left in the middle of a message is logged at DEBUG, anything else at WARN with its stack trace
 * (at most one such line per {@link #WARN_INTERVAL}, with the count of those left out), then the application's
 * {@code onError} runs and the socket is closed.
 */
final class ConnectionErrors {

    /** The least time between two WARN lines of unexpected connection failures. */
    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ConnectionErrors.class);

    private final int maxMessageBytes;
    private final LifecycleCallbacks callbacks;
    private final ConnectionFinisher finisher;
    private final ServerStats stats;
    private final LogLimiter warnings;

    /**
     * @param maxMessageBytes {@code limits.max-message-bytes}, for the log line of a 1009
     * @param callbacks the application's {@code onError}
     * @param finisher runs {@code onError} on the connection's queue
     * @param stats counts oversized messages and protocol violations
     * @param warnings limits the WARN lines of unexpected failures (clients may cause them at will)
     */
    ConnectionErrors(int maxMessageBytes, LifecycleCallbacks callbacks, ConnectionFinisher finisher,
            ServerStats stats, LogLimiter warnings) {
        this.maxMessageBytes = maxMessageBytes;
        this.callbacks = callbacks;
        this.finisher = finisher;
        this.stats = stats;
        this.warnings = warnings;
    }

    /** @param ctx the last stage of the connection's pipeline @param cause what failed */
    void failed(ChannelHandlerContext ctx, Throwable cause) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (cause instanceof TooLongFrameException) {
            stats.count(Counter.OVERSIZED_CLOSES);
            log.debug("closing {}: message over {} bytes", connection.id(), maxMessageBytes);
            connection.close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
            return;
        }
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // The outbound guard already answered with the decoder's close status (1002, 1007 or 1009): count only.
            stats.protocolViolation(corrupted.closeStatus() == null ? 1002 : corrupted.closeStatus().code());
            log.debug("connection {} broke the protocol: {}", connection.id(), cause.getMessage());
            return;
        }
        Object who = connection == null ? ctx.channel() : connection.id();
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // The client went away (mid-message, for the second): its doing, not the server's, and it can repeat it.
            log.debug("connection {} failed: {}", who, cause.toString());
        } else {
            long leftOut = warnings.tryLog();
            if (leftOut >= 0) {
                log.warn("connection {} failed ({} such lines left out before this one)", who, leftOut, cause);
            }
        }
        if (connection != null) {
            finisher.run(connection, () -> callbacks.onError().accept(connection, cause));
        }
        ctx.close();
    }
}
