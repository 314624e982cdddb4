package io.kalisocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.internal.connection.ReadThrottle.Reason;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading pauses while any reason holds and goes on when none does. */
class ReadThrottleTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger pauses = new AtomicInteger();
    private final ReadThrottle reads = new ReadThrottle(channel, pauses::incrementAndGet);

    @Test
    void pause_stopsReading_untilEveryReasonIsResumed() {
        reads.pause(Reason.ACTIONS);
        reads.pause(Reason.OUTBOUND);
        assertThat(channel.config().isAutoRead()).isFalse();
        reads.resume(Reason.ACTIONS);
        assertThat(channel.config().isAutoRead()).as("the outbound buffer still holds").isFalse();
        reads.resume(Reason.OUTBOUND);
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(pauses).as("one pause, two reasons").hasValue(1);
    }

    @Test
    void resume_ofAReasonThatDidNotHold_changesNothing() {
        reads.resume(Reason.LOOP_TASKS);
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(reads.isPaused()).isFalse();
    }
}
