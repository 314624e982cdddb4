package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.testing.FakeClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
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
    private final LoopTimeouts timeouts = new LoopTimeouts(TIMEOUT, clock);

    /* ---------------- LoopTimeouts (the handshake's and the idle time of every connection) ---------------- */

    /** Starts timing an entry that notes its name when its time is up (the lifecycle stage is such an entry). */
    private LoopTimeouts.Entry start(LoopTimeouts in, EmbeddedChannel ch, String name) {
        LoopTimeouts.Entry entry = new LoopTimeouts.Entry() {
            @Override
            void expired() {
                events.add(name);
            }
        };
        in.start(ch, entry);
        return entry;
    }

    @Test
    void loopTimeouts_anEntryStoppedInOneList_isTimedByTheNextOnly() {
        LoopTimeouts handshake = new LoopTimeouts(TIMEOUT.dividedBy(2), clock);
        EmbeddedChannel ch = new EmbeddedChannel();
        LoopTimeouts.Entry entry = start(handshake, ch, "a");
        entry.stop();
        timeouts.start(ch, entry); // as the lifecycle stage does at the upgrade: from the handshake's time to idle
        clock.advance(TIMEOUT.minus(NANO));
        assertThat(events).as("the handshake's time no longer runs").isEmpty();
        clock.advance(NANO);
        assertThat(events).containsExactly("a");
    }

    @Test
    void loopTimeouts_expireExactlyTheTimeoutAfterTheStart() {
        EmbeddedChannel ch = new EmbeddedChannel();
        start(timeouts, ch, "a");
        clock.advance(TIMEOUT.minus(NANO));
        assertThat(events).isEmpty();
        clock.advance(NANO);
        assertThat(events).containsExactly("a");
    }

    @Test
    void loopTimeouts_restart_countsFromTheRestart() {
        EmbeddedChannel ch = new EmbeddedChannel();
        LoopTimeouts.Entry entry = start(timeouts, ch, "a");
        clock.advance(TIMEOUT.dividedBy(2));
        entry.restart();
        clock.advance(TIMEOUT.minus(NANO));
        assertThat(events).isEmpty();
        clock.advance(NANO);
        assertThat(events).containsExactly("a");
    }

    @Test
    void loopTimeouts_expireAgainAWholeTimeoutLater() {
        EmbeddedChannel ch = new EmbeddedChannel();
        start(timeouts, ch, "a");
        clock.advance(TIMEOUT);
        clock.advance(TIMEOUT);
        assertThat(events).containsExactly("a", "a");
    }

    @Test
    void loopTimeouts_ofOneEventLoop_shareOneTimer_andEachExpiresOnItsOwnTime() {
        EmbeddedChannel ch = new EmbeddedChannel();
        LoopTimeouts.Entry first = start(timeouts, ch, "first");
        clock.advance(TIMEOUT.dividedBy(3));
        start(timeouts, ch, "second");
        clock.advance(TIMEOUT.dividedBy(3));
        first.restart();
        assertThat(clock.scheduledTasks()).isEqualTo(1);
        clock.advance(TIMEOUT.dividedBy(3).multipliedBy(2));
        assertThat(events).as("the second is due first now").containsExactly("second");
        clock.advance(TIMEOUT.dividedBy(3));
        assertThat(events).containsExactly("second", "first");
    }

    @Test
    void loopTimeouts_stop_leavesNoTimerOnceNoConnectionIsTimed() {
        EmbeddedChannel ch = new EmbeddedChannel();
        LoopTimeouts.Entry a = start(timeouts, ch, "a");
        LoopTimeouts.Entry b = start(timeouts, ch, "b");
        a.stop();
        b.stop();
        assertThat(clock.scheduledTasks()).isZero();
        clock.advance(TIMEOUT.multipliedBy(2));
        assertThat(events).isEmpty();
    }

    @Test
    void loopTimeouts_ofZero_neverExpire() {
        LoopTimeouts off = new LoopTimeouts(Duration.ZERO, clock);
        start(off, new EmbeddedChannel(), "a").restart();
        assertThat(clock.scheduledTasks()).isZero();
    }

    /* ---------------- ClosingHandshake (in the outbound guard) ---------------- */

    @Test
    void closingHandshake_dropsTheConnectionWhenTheClientDoesNotAnswerTheServersClose() {
        EmbeddedChannel ch = new EmbeddedChannel(guardWithClosingHandshake());
        ch.writeOutbound(new CloseWebSocketFrame(1001, "idle timeout"));
        clock.advance(ClosingHandshake.TIMEOUT.minus(NANO));
        assertThat(ch.isOpen()).isTrue();
        clock.advance(NANO);
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void closingHandshake_answersTheClientsClose_andClosesOnceTheAnswerIsWritten_withNoTimer() {
        OutboundGuardHandler guard = guardWithClosingHandshake();
        EmbeddedChannel ch = new EmbeddedChannel(guard);
        guard.upgraded();
        ch.writeInbound(new CloseWebSocketFrame(1000, "bye"));
        assertThat(ch.isOpen()).isFalse();
        assertThat(clock.tasksEverScheduled()).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void closingHandshake_dropsTheConnectionWhenItsAnswerToTheClientsCloseCannotBeWritten() {
        OutboundGuardHandler guard = guardWithClosingHandshake();
        // Below the guard, a socket whose client stopped reading: nothing written there ever completes.
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
            }
        }, guard);
        guard.upgraded();
        ch.writeInbound(new CloseWebSocketFrame(1000, "bye"));
        clock.advance(ClosingHandshake.TIMEOUT.minus(NANO));
        assertThat(ch.isOpen()).isTrue();
        clock.advance(NANO);
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void closingHandshake_setsNoTimerWhileNoCloseFrameWasSent() {
        new EmbeddedChannel(guardWithClosingHandshake());
        assertThat(clock.scheduledTasks()).isZero();
    }

    private OutboundGuardHandler guardWithClosingHandshake() {
        return new OutboundGuardHandler(SlowConsumerPolicy.DROP, new ServerStats(), new ClosingHandshake(clock, RecoveryHook.off()));
    }
}
