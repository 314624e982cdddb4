package io.kalisocket.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a TCP connection that has not completed the WebSocket upgrade in time (a client that connects
 * and never speaks, or speaks plain HTTP forever). Removed, and its timer cancelled, once upgraded.
 */
final class HandshakeTimeoutHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HandshakeTimeoutHandler.class);

    private final Duration timeout;
    private ScheduledFuture<?> timer;

    HandshakeTimeoutHandler(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> {
                log.debug("closing {}: no WebSocket upgrade within {}", ctx.channel().remoteAddress(), timeout);
                ctx.close();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
