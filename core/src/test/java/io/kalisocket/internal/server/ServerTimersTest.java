package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.FakeClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-connection timers of the pipeline, each on the server's clock (a fake one here: time moves only when the
 * test says, and the timers' tasks run on the channel's loop as it moves). One section per stage.
 */
class ServerTimersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NANO = Duration.ofNanos(1);

    private final FakeClock clock = new FakeClock();
    private final List<Object> events = new ArrayList<>();

    /* ---------------- HandshakeTimeoutHandler ---------------- */

    @Test
    void handshakeTimeout_closesTheConnectionWhenTheTimeoutPasses() {
        EmbeddedChannel ch = new EmbeddedChannel(new HandshakeTimeoutHandler(TIMEOUT, clock));
        clock.advance(TIMEOUT.minus(NANO));
        assertThat(ch.isOpen()).isTrue();
        clock.advance(NANO);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void handshakeTimeout_removedOnUpgrade_cancelsItsTimer() {
        EmbeddedChannel ch = new EmbeddedChannel(new HandshakeTimeoutHandler(TIMEOUT, clock));
        ch.pipeline().remove(HandshakeTimeoutHandler.class);
        assertThat(clock.scheduledTasks()).isZero();
        clock.advance(TIMEOUT.multipliedBy(2));
        assertThat(ch.isOpen()).isTrue();
    }

    /* ---------------- IdleTimeoutHandler ---------------- */

    @Test
    void idleTimeout_firesReaderIdleAfterTheTimeoutOfSilence() {
        idleChannel();
        clock.advance(TIMEOUT.minus(NANO));
        assertThat(events).isEmpty();
        clock.advance(NANO);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    }

    @Test
    void idleTimeout_countsFromTheLastRead() {
        EmbeddedChannel ch = idleChannel();
        clock.advance(TIMEOUT.dividedBy(2));
        ch.writeInbound("a message");
        clock.advance(TIMEOUT.minus(NANO));
        assertThat(events).isEmpty();
        clock.advance(NANO);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    }

    @Test
    void idleTimeout_firesAgainAWholeTimeoutLater_asAFollowingEvent() {
        idleChannel();
        clock.advance(TIMEOUT);
        clock.advance(TIMEOUT);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT,
                IdleStateEvent.READER_IDLE_STATE_EVENT);
    }

    @Test
    void idleTimeout_stopsWhenTheConnectionCloses() {
        EmbeddedChannel ch = idleChannel();
        ch.close();
        assertThat(clock.scheduledTasks()).isZero();
        clock.advance(TIMEOUT.multipliedBy(2));
        assertThat(events).isEmpty();
    }

    /* ---------------- ClosingHandshakeHandler ---------------- */

    @Test
    void closingHandshake_dropsTheConnectionWhenTheClientDoesNotAnswerTheServersClose() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClosingHandshakeHandler(clock));
        ch.writeOutbound(new CloseWebSocketFrame(1001, "idle timeout"));
        clock.advance(ClosingHandshakeHandler.TIMEOUT.minus(NANO));
        assertThat(ch.isOpen()).isTrue();
        clock.advance(NANO);
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void closingHandshake_setsNoTimerWhileNoCloseFrameWasSent() {
        new EmbeddedChannel(new ClosingHandshakeHandler(clock));
        assertThat(clock.scheduledTasks()).isZero();
    }

    private EmbeddedChannel idleChannel() {
        return new EmbeddedChannel(new IdleTimeoutHandler(TIMEOUT, clock), new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                events.add(event);
            }
        });
    }
}
