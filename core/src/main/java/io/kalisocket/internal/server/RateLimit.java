package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.Reply;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.mvc.ReplyCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's message rate limit ({@code limits.messages-per-second}, {@code limits.message-burst}): a call
 * over it is answered {@code 429}, and {@code limits.close-after-rate-limited} of those in a row close the
 * connection with 1008. One per connection: it holds the connection's token bucket; used on its event loop only.
 */
final class RateLimit {

    private static final Logger log = LoggerFactory.getLogger(RateLimit.class);

    private final TokenBucket bucket;
    private final int closeAfterRateLimited;
    private final ActionDispatcher dispatcher;
    private final ConnectionTasks tasks;
    private final ServerStats stats;
    private int rateLimitedInARow;

    RateLimit(TokenBucket bucket, int closeAfterRateLimited, ActionDispatcher dispatcher, ConnectionTasks tasks,
            ServerStats stats) {
        this.bucket = bucket;
        this.closeAfterRateLimited = closeAfterRateLimited;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.stats = stats;
    }

    /**
     * @param ctx the calling stage's context
     * @param connection the sender
     * @param envelope its call
     * @return true when the call may run; false when it was answered {@code 429} (or the connection closed)
     */
    boolean admit(ChannelHandlerContext ctx, ChannelConnection connection, Envelope envelope) {
        if (bucket.tryTake()) {
            rateLimitedInARow = 0;
            return true;
        }
        stats.count(Counter.RATE_LIMITED);
        rateLimitedInARow++;
        if (closeAfterRateLimited > 0 && rateLimitedInARow >= closeAfterRateLimited) {
            log.info("closing {}: {} messages in a row over the rate limit", connection.id(), rateLimitedInARow);
            // Behind the replies still on their way, so the client sees them before the close.
            tasks.answer(ctx, connection, () -> connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(),
                    "rate limit exceeded"));
            return false;
        }
        tasks.answer(ctx, connection, () -> dispatcher.reply(connection,
                Reply.error(envelope, ReplyCode.RATE_LIMITED, "rate limit exceeded")));
        return false;
    }
}
