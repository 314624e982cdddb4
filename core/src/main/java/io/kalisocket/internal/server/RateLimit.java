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
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's message budget ({@code limits.messages-per-second}, {@code limits.message-burst}): every data frame
 * takes one token before it is read, heartbeats and frames that turn out invalid included, so no kind of frame is
 * free. A frame over the budget is answered {@code 429}; {@code limits.close-after-rate-limited} of those within
 * {@link #WINDOW} close the connection with 1008, however the client spaces them (a token that refills between
 * them does not reset the count). One per server; each connection's bucket and count are its message stage's.
 */
final class RateLimit {

    /** The sliding window over which rate-limited frames are counted towards a close. */
    static final Duration WINDOW = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RateLimit.class);

    private final LongSupplier nanoClock;
    private final int closeAfterRateLimited;
    private final ActionDispatcher dispatcher;
    private final ConnectionTasks tasks;
    private final ServerStats stats;

    RateLimit(LongSupplier nanoClock, int closeAfterRateLimited, ActionDispatcher dispatcher, ConnectionTasks tasks,
            ServerStats stats) {
        this.nanoClock = nanoClock;
        this.closeAfterRateLimited = closeAfterRateLimited;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.stats = stats;
    }

    /** @return a connection's count of refused frames over {@link #WINDOW}, for {@link #refuse} */
    SlidingWindowCount newWindow() {
        return new SlidingWindowCount(WINDOW.toNanos(), nanoClock.getAsLong());
    }

    /**
     * Answers a frame over the budget: {@code 429}, or the close with 1008 when too many were refused lately.
     *
     * @param ctx the calling stage's context
     * @param connection the sender
     * @param envelope the frame read as a call, for the ids of the reply; null when it is not a call
     * @param refused the connection's refused frames ({@link #newWindow})
     */
    void refuse(ChannelHandlerContext ctx, ChannelConnection connection, Envelope envelope,
            SlidingWindowCount refused) {
        stats.count(Counter.RATE_LIMITED);
        int inWindow = refused.add(nanoClock.getAsLong());
        if (closeAfterRateLimited > 0 && inWindow == closeAfterRateLimited) {
            log.info("closing {}: {} messages over the rate limit within {}s", connection.id(), inWindow,
                    WINDOW.toSeconds());
            // Behind the replies still on their way, so the client sees them before the close.
            tasks.answer(ctx, connection, () -> connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(),
                    "rate limit exceeded"));
            return;
        }
        if (closeAfterRateLimited > 0 && inWindow > closeAfterRateLimited) {
            return; // the close is on its way: no more answers
        }
        Reply reply = envelope == null
                ? new Reply(null, null, ReplyCode.RATE_LIMITED, "rate limit exceeded", null, null)
                : Reply.error(envelope, ReplyCode.RATE_LIMITED, "rate limit exceeded");
        tasks.answer(ctx, connection, () -> dispatcher.reply(connection, reply));
    }
}
