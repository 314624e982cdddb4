package io.kalisocket.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every channel counts until its connection is finished; only those still speaking HTTP are held by name (an upgraded
 * one is the connection registry's to list), and the drain can wait for the next finish.
 */
class ChannelTrackerTest {

    /** Runs nothing until the test says so. */
    private final List<Runnable> drains = new ArrayList<>();
    private final Executor manual = drains::add;
    private final Channel page = new EmbeddedChannel();
    private final Channel socket = new EmbeddedChannel();
    private final SerialQueue socketsQueue = new SerialQueue(manual, 4);
    private final ChannelTracker tracker = new ChannelTracker(Map.of(socket, socketsQueue)::get);

    @Test
    void aChannel_speaksHttpUntilItUpgrades_andCountsUntilItCloses() {
        tracker.opened(page);
        tracker.opened(socket);
        assertThat(tracker.speakingHttp()).containsExactlyInAnyOrder(page, socket);

        tracker.upgraded(socket);
        assertThat(tracker.speakingHttp()).as("the registry lists it now").containsExactly(page);
        assertThat(tracker.count()).isEqualTo(2);

        tracker.closed(page);
        assertThat(tracker.speakingHttp()).isEmpty();
        assertThat(tracker.count()).as("no queue: finished at once").isEqualTo(1);
    }

    @Test
    void aClosedConnection_isFinishedOnlyOnceItsQueueRanWhatItHeld() {
        tracker.opened(socket);
        tracker.upgraded(socket);
        socketsQueue.offer(() -> { }); // its last message, or its offline action

        tracker.closed(socket);
        assertThat(tracker.count()).as("its queue still holds a task").isEqualTo(1);

        drains.remove(0).run();
        assertThat(tracker.count()).isZero();
    }

    @Test
    void theDrain_wakesAtTheNextFinish() throws Exception {
        tracker.opened(socket);
        socketsQueue.offer(() -> { });
        tracker.closed(socket);

        CompletableFuture<Void> woken = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try {
                tracker.awaitAFinish(TimeUnit.MINUTES.toNanos(10));
                woken.complete(null);
            } catch (InterruptedException e) {
                woken.completeExceptionally(e);
            }
        });
        drain.start();
        await().until(() -> drain.getState() == Thread.State.TIMED_WAITING); // waiting, before the finish
        drains.remove(0).run();

        assertThat(woken).succeedsWithin(Duration.ofSeconds(20)); // a bound, not a speed claim: it waits 10 min else
        assertThat(tracker.count()).isZero();
    }

    @Test
    void awaitingAFinish_withNothingUnfinished_returnsAtOnce() throws Exception {
        tracker.awaitAFinish(TimeUnit.MINUTES.toNanos(10)); // would hang the test if it waited
        assertThat(tracker.count()).isZero();
    }
}
