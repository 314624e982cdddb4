package io.kalisocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.internal.exec.SerialQueue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's action queue is made when a task first needs it; whether one ever did is known without making it. */
class ChannelConnectionTest {

    private final List<SerialQueue> made = new ArrayList<>();
    private final ChannelConnection connection = new ChannelConnection("n1-1", "127.0.0.1", null, reads -> {
        SerialQueue queue = new SerialQueue(Runnable::run, 4);
        made.add(queue);
        return queue;
    }, 0);

    @Test
    void neverQueued_whileNoTaskWasQueued_andAskingMakesNoQueue() {
        assertThat(connection.neverQueued()).isTrue();
        assertThat(made).isEmpty();
    }

    @Test
    void neverQueued_isFalseFromTheFirstTaskOn_evenOnceItRan() {
        connection.queue().offer(() -> { });
        assertThat(connection.queue().isIdle()).isTrue();
        assertThat(connection.neverQueued()).isFalse();
        assertThat(made).hasSize(1);
    }
}
