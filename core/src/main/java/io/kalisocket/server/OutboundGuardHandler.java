package io.kalisocket.server;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.connection.ChannelConnection;
import io.kalisocket.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the slow-consumer policy to every outbound message (replies, pushes, broadcasts alike): past the
 * outbound buffer's high water mark a message is dropped and counted, or the connection is closed with
 * 1008. Control frames always pass.
 */
final class OutboundGuardHandler extends ChannelOutboundHandlerAdapter {

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
        if (!(msg instanceof TextWebSocketFrame)) {
            ctx.write(msg, promise);
            return;
        }
        if (ctx.channel().isWritable() && !closing) {
            ChannelConnection connection = ctx.channel().attr(ChannelAttributes.CONNECTION).get();
            if (connection != null) {
                connection.countOut();
            }
            stats.messageOut();
            ctx.write(msg, promise);
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
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "slow consumer"));
        }
    }
}
