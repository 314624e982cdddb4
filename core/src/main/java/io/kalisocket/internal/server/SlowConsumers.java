package io.kalisocket.internal.server;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow-consumer policy ({@code limits.slow-consumer-policy}), applied by each connection's outbound guard to a
 * message it is about to write: an answer to what the client sent always passes (reading pauses instead, see the
 * guard), a push passes while the socket is writable (below {@code limits.outbound-high-water-mark}), else it is
 * dropped and counted ({@code dropped}), or the connection is closed with 1008 {@code slow consumer} and counted
 * ({@code slow_consumer_closes}). One per server.
 */
final class SlowConsumers {

    private static final Logger log = LoggerFactory.getLogger(SlowConsumers.class);

    /** What {@link #admit} decided. */
    enum Verdict {
        /** Write it (counted as a message out). */
        WRITE,
        /** Not written: dropped by policy, or the connection is closing for being slow. */
        REFUSE,
        /** Not written, and the connection is being closed with 1008: refuse everything from now on. */
        CLOSE
    }

    private final SlowConsumerPolicy policy;
    private final ServerStats stats;

    /** @param policy what a push to a slow consumer gets @param stats counts what passes and what is dropped */
    SlowConsumers(SlowConsumerPolicy policy, ServerStats stats) {
        this.policy = policy;
        this.stats = stats;
    }

    /**
     * Call on the channel's event loop.
     *
     * @param channel the connection's socket
     * @param answer true for an answer to what the client sent (never refused)
     * @return whether to write it
     */
    Verdict admit(Channel channel, boolean answer) {
        if (answer || channel.isWritable()) {
            stats.count(Counter.MESSAGES_OUT);
            return Verdict.WRITE;
        }
        if (policy == SlowConsumerPolicy.DROP) {
            stats.count(Counter.DROPPED);
            log.debug("dropped a message for slow consumer {}", channel.remoteAddress());
            return Verdict.REFUSE;
        }
        stats.count(Counter.SLOW_CONSUMER_CLOSES);
        ChannelOutboundBuffer waiting = channel.unsafe().outboundBuffer();
        log.info("closing slow consumer {}: {} bytes waiting", channel.remoteAddress(),
                waiting == null ? 0 : waiting.totalPendingWriteBytes());
        ChannelConnection.of(channel).close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "slow consumer");
        return Verdict.CLOSE;
    }
}
