package io.kalisocket.server;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.connection.ChannelConnection;
import io.kalisocket.connection.ReplyFrame;
import io.kalisocket.connection.WireFrame;
import io.kalisocket.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-pressure per connection. While the outbound buffer is past its high water mark the server stops
 * reading from the client, so a client that sends faster than it reads is slowed down, not punished;
 * answers to what it already sent ({@link ReplyFrame}) still pass. Pushes meanwhile get the slow-consumer
 * policy: dropped and counted, or the connection closed with 1008. Control frames always pass.
 */
final class OutboundGuardHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(OutboundGuardHandler.class);

    private final SlowConsumerPolicy policy;
    private final ServerStats stats;
    private boolean closing;

    OutboundGuardHandler(SlowConsumerPolicy policy, ServerStats stats) {
        this.policy = policy;
        this.stats = stats;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // A message framed once for many recipients goes on as bytes: the WebSocket encoder passes them by.
        Object out = msg instanceof WireFrame wire ? wire.content() : msg;
        if (!(msg instanceof TextWebSocketFrame || msg instanceof WireFrame) || !ctx.channel().isActive()) {
            // A closed channel is not writable either: that is no slow consumer, and the write fails on its own.
            ctx.write(out, promise);
            return;
        }
        boolean answer = msg instanceof ReplyFrame;
        if ((answer || ctx.channel().isWritable()) && !closing) {
            ChannelConnection connection = ctx.channel().attr(ChannelAttributes.CONNECTION).get();
            if (connection != null) {
                connection.countOut();
            }
            stats.messageOut();
            ctx.write(out, promise);
            return;
        }
        ReferenceCountUtil.release(msg);
        promise.trySuccess();
        if (closing) {
            return;
        }
        if (policy == SlowConsumerPolicy.DROP) {
            stats.dropped();
            log.debug("dropped a message for slow consumer {}", ctx.channel().remoteAddress());
        } else {
            closing = true;
            stats.slowConsumerClosed();
            log.info("closing slow consumer {}: {} bytes waiting", ctx.channel().remoteAddress(),
                    ctx.channel().unsafe().outboundBuffer() == null ? 0
                            : ctx.channel().unsafe().outboundBuffer().totalPendingWriteBytes());
            ChannelConnection connection = ctx.channel().attr(ChannelAttributes.CONNECTION).get();
            connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "slow consumer");
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }
}
