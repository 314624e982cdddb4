package io.kalisocket.internal.server;

import io.kalisocket.KaliClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a TCP connection that has not completed the WebSocket upgrade in time (a client that connects
 * and never speaks, or speaks plain HTTP forever). Removed, and its timer cancelled, once upgraded. The timer is
 * the server's clock's, on the channel's event loop.
 */
final class HandshakeTimeoutHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HandshakeTimeoutHandler.class);

    private final Duration timeout;
    private final KaliClock clock;
    private Future<?> timer;

    HandshakeTimeoutHandler(Duration timeout, KaliClock clock) {
        this.timeout = timeout;
        this.clock = clock;
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
            timer = clock.schedule(ctx.executor(), () -> {
                log.debug("closing {}: no WebSocket upgrade within {}", ctx.channel().remoteAddress(), timeout);
                ctx.close();
            }, timeout);
        }
    }
}
