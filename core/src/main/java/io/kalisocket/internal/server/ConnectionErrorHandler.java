package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: whatever failed above it. An oversized message closes the connection with 1009; a frame that
 * broke the protocol was already answered by Netty's decoder (1002, 1007 or 1009) and is counted; a socket error
 * is logged at DEBUG, anything else at WARN with its stack trace, then the application's {@code onError} runs
 * and the socket is closed.
 */
@Sharable
final class ConnectionErrorHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionErrorHandler.class);

    private final int maxMessageBytes;
    private final LifecycleCallbacks callbacks;
    private final ConnectionFinisher finisher;
    private final ServerStats stats;

    /**
     * @param maxMessageBytes {@code limits.max-message-bytes}, for the log line of a 1009
     * @param callbacks the application's {@code onError}
     * @param finisher runs {@code onError} on the connection's queue
     * @param stats counts oversized messages and protocol violations
     */
    ConnectionErrorHandler(int maxMessageBytes, LifecycleCallbacks callbacks, ConnectionFinisher finisher,
            ServerStats stats) {
        this.maxMessageBytes = maxMessageBytes;
        this.callbacks = callbacks;
        this.finisher = finisher;
        this.stats = stats;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (cause instanceof TooLongFrameException) {
            stats.count(Counter.OVERSIZED_CLOSES);
            log.debug("closing {}: message over {} bytes", connection.id(), maxMessageBytes);
            connection.close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
            return;
        }
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // Netty's decoder already sent the close frame (1002, 1007 or 1009) and closes after it: count only.
            stats.protocolViolation(corrupted.closeStatus() == null ? 1002 : corrupted.closeStatus().code());
            log.debug("connection {} broke the protocol: {}", connection.id(), cause.getMessage());
            return;
        }
        Object who = connection == null ? ctx.channel() : connection.id();
        if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", who, cause.toString());
        } else {
            log.warn("connection {} failed", who, cause);
        }
        if (connection != null) {
            finisher.run(connection, () -> callbacks.onError().accept(connection, cause));
        }
        ctx.close();
    }
}
