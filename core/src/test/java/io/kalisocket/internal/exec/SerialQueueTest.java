package io.kalisocket.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** One connection's tasks in order, and the backpressure that keeps their number bounded. */
class SerialQueueTest {

    /** Runs nothing until the test says so: the queue's state between offers and runs is the test's to see. */
    private final List<Runnable> drains = new ArrayList<>();
    private final Executor manual = drains::add;
    private final List<String> told = new ArrayList<>();
    private final SerialQueue.Backpressure recording = new SerialQueue.Backpressure() {
        @Override
        public void full() {
            told.add("full");
        }

        @Override
        public void drained() {
            told.add("drained");
        }
    };

    @Test
    void offer_atCapacity_tellsFullOnce_thenDrainedAtHalf() {
        SerialQueue queue = new SerialQueue(manual, 4, recording, new NodeBacklog(0));
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            assertThat(queue.offer(() -> ran.add(n))).isTrue();
        }
        assertThat(told).as("at 4 of 4, and not again at 5 and 6").containsExactly("full");
        drains.remove(0).run();
        assertThat(ran).as("in order").containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(told).as("drained once, when 2 were left").containsExactly("full", "drained");
    }

    @Test
    void neverUsed_untilTheFirstTaskIsOffered_andNotAgainOnceItRan() {
        SerialQueue queue = new SerialQueue(manual, 4, recording, new NodeBacklog(0));
        assertThat(queue.neverUsed()).isTrue();
        queue.offer(() -> { });
        assertThat(queue.neverUsed()).isFalse();
        drains.remove(0).run();
        assertThat(queue.isIdle()).isTrue();
        assertThat(queue.neverUsed()).as("its work may still wait on the event loop").isFalse();
    }

    @Test
    void offer_pastTheHardLimit_refuses() {
        SerialQueue queue = new SerialQueue(manual, 2, recording, new NodeBacklog(0));
        for (int i = 0; i < 2 * SerialQueue.HARD_LIMIT_FACTOR; i++) {
            assertThat(queue.offer(() -> { })).isTrue();
        }
        assertThat(queue.offer(() -> { })).isFalse();
    }

    @Test
    void offer_pastTheNodesBacklog_refuses_andRunningFreesRoom() {
        NodeBacklog node = new NodeBacklog(3);
        SerialQueue one = new SerialQueue(manual, 100, recording, node);
        SerialQueue two = new SerialQueue(manual, 100, recording, node);
        assertThat(one.offer(() -> { })).isTrue();
        assertThat(two.offer(() -> { })).isTrue();
        assertThat(two.offer(() -> { })).isTrue();
        assertThat(one.offer(() -> { })).as("the node holds 3").isFalse();
        drains.remove(0).run();
        assertThat(node.queued()).isEqualTo(2);
        assertThat(one.offer(() -> { })).isTrue();
    }

    @Test
    void atBatchEnd_runsOnce_afterEveryTaskOfTheBatch() {
        SerialQueue queue = new SerialQueue(manual, 100, recording, new NodeBacklog(0));
        List<String> events = new ArrayList<>();
        Runnable flush = () -> events.add("flush");
        for (int i = 0; i < 3; i++) {
            int n = i;
            queue.offer(() -> {
                events.add("task " + n);
                assertThat(queue.atBatchEnd(flush)).isTrue();
            });
        }
        drains.remove(0).run();
        assertThat(events).as("one flush for the batch, after its last task")
                .containsExactly("task 0", "task 1", "task 2", "flush");
        assertThat(queue.isIdle()).isTrue();
    }

    @Test
    void atBatchEnd_fromAnotherThread_leavesNothing() {
        SerialQueue queue = new SerialQueue(manual, 100, recording, new NodeBacklog(0));
        assertThat(queue.runsHere()).isFalse();
        assertThat(queue.atBatchEnd(() -> { })).isFalse();
        assertThat(queue.leftForBatchEnd()).isNull();
    }

    @Test
    void atBatchEnd_withOtherWork_runsTheEarlierWorkFirst() {
        SerialQueue queue = new SerialQueue(manual, 100, recording, new NodeBacklog(0));
        List<String> events = new ArrayList<>();
        queue.offer(() -> {
            queue.atBatchEnd(() -> events.add("first"));
            queue.atBatchEnd(() -> events.add("second"));
            events.add("task");
        });
        drains.remove(0).run();
        assertThat(events).containsExactly("first", "task", "second");
    }
}
