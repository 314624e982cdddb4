package io.kalisocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.internal.connection.ReadThrottle.Reason;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading pauses while any reason holds and goes on when none does; each channel keeps its own reasons. */
class ReadThrottleTest {

    /** A channel's last stage, keeping its read pauses as the lifecycle stage does. */
    private static final class Carrier extends ChannelInboundHandlerAdapter implements ConnectionCarrier {
        private int pauses;

        @Override
        public ChannelConnection carried() {
            return null;
        }

        @Override
        public int readPauses() {
            return pauses;
        }

        @Override
        public void readPauses(int reasons) {
            pauses = reasons;
        }
    }

    private final EmbeddedChannel channel = new EmbeddedChannel(new Carrier());
    private final AtomicInteger pauses = new AtomicInteger();
    private final ReadThrottle reads = new ReadThrottle(pauses::incrementAndGet);

    @Test
    void pause_stopsReading_untilEveryReasonIsResumed() {
        reads.pause(channel, Reason.ACTIONS);
        reads.pause(channel, Reason.OUTBOUND);
        assertThat(channel.config().isAutoRead()).isFalse();
        reads.resume(channel, Reason.ACTIONS);
        assertThat(channel.config().isAutoRead()).as("the outbound buffer still holds").isFalse();
        reads.resume(channel, Reason.OUTBOUND);
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(pauses).as("one pause, two reasons").hasValue(1);
    }

    @Test
    void resume_ofAReasonThatDidNotHold_changesNothing() {
        reads.resume(channel, Reason.LOOP_TASKS);
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(reads.isPaused(channel)).isFalse();
    }

    @Test
    void pausesAreKeptPerChannel_soAnotherSocketOfTheConnectionReads() {
        EmbeddedChannel other = new EmbeddedChannel(new Carrier());
        reads.pause(channel, Reason.ACTIONS);
        assertThat(reads.isPaused(channel)).isTrue();
        assertThat(reads.isPaused(other)).isFalse();
        assertThat(other.config().isAutoRead()).isTrue();
    }

    @Test
    void aClosedChannel_isNotPaused() {
        channel.close();
        reads.pause(channel, Reason.ACTIONS);
        assertThat(reads.isPaused(channel)).isFalse();
        assertThat(pauses).hasValue(0);
    }
}
