package io.kalisocket.internal.server;

import io.kalisocket.KaliClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Fires an {@link IdleStateEvent} (reader idle) when nothing was read for the idle timeout; the lifecycle stage
 * closes the connection on it. Netty's {@code IdleStateHandler} does the same on the event loop's own clock; this
 * one reads the server's clock and schedules its checks through it, so a test's fake clock drives the timeout.
 *
 * <p>As Netty's: a read is noted once per read burst, not per message; one scheduled check per connection, moved
 * forward as reads come in rather than rescheduled on each read; after an event the next one is due a whole
 * timeout later. A timeout of zero or less turns the stage off. Unlike Netty's, the burst's time is read at its
 * first message, not at {@code channelReadComplete}: by then a reply may have reached its client, and a client
 * that acts on it (a test advancing a fake clock) must not find its message dated after that.
 */
final class IdleTimeoutHandler extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;
    private final KaliClock clock;
    private long lastReadNanos;
    private boolean reading;
    private boolean firstEvent = true;
    private boolean stopped;
    private Future<?> check;

    /** @param timeout idle time before the event (zero or less: never) @param clock the server's clock */
    IdleTimeoutHandler(Duration timeout, KaliClock clock) {
        this.timeoutNanos = timeout.toNanos();
        this.clock = clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!reading) {
            reading = true;
            firstEvent = true;
            lastReadNanos = clock.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void start(ChannelHandlerContext ctx) {
        if (timeoutNanos <= 0 || check != null || stopped) {
            return;
        }
        lastReadNanos = clock.nanoTime();
        checkIn(ctx, timeoutNanos);
    }

    private void stop() {
        stopped = true;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void checkIn(ChannelHandlerContext ctx, long nanos) {
        check = clock.schedule(ctx.executor(), () -> check(ctx), Duration.ofNanos(nanos));
    }

    private void check(ChannelHandlerContext ctx) {
        if (stopped || !ctx.channel().isOpen()) {
            return;
        }
        long left = reading ? timeoutNanos : timeoutNanos - (clock.nanoTime() - lastReadNanos);
        if (left > 0) {
            checkIn(ctx, left);
            return;
        }
        checkIn(ctx, timeoutNanos);
        IdleStateEvent event = firstEvent ? IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT
                : IdleStateEvent.READER_IDLE_STATE_EVENT;
        firstEvent = false;
        ctx.fireUserEventTriggered(event);
    }
}
