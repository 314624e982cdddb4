package io.kalisocket.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The action pool keeps few threads, grows only while work waits and the cores are not busy (actions that
 * block), never past its maximum, and shrinks back after a quiet period. Its monitor looks once a tick of the
 * server's clock, here a fake one: time moves only when a test advances it.
 */
class ElasticPoolTest {

    private static final Duration TICK = Duration.ofMillis(5);
    private static final ThreadFactory THREADS = Executors.defaultThreadFactory();

    private final CountDownLatch release = new CountDownLatch(1);
    private final FakeClock clock = new FakeClock();
    private ElasticPool pool;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void start_theMonitorLooksOnceATickOfTheServersClock() {
        pool = ElasticPool.start(1, 4, TICK, Duration.ofSeconds(60), THREADS, clock);
        pool.execute(() -> awaitQuietly(release));
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1);

        clock.advance(TICK.minusNanos(1)); // no look yet
        clock.advance(TICK); // the first look: it sees the waiting task
        assertThat(pool.getCorePoolSize()).isEqualTo(1);
        clock.advance(TICK); // the same task still waits: nothing was taken for a tick
        assertThat(pool.getCorePoolSize()).isEqualTo(2);
    }

    @Test
    void blockingTasksGetThreadsUntilAllRunAtOnce() {
        pool = ElasticPool.start(1, 8, TICK, Duration.ofSeconds(60), THREADS, clock);
        CountDownLatch allStarted = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            pool.execute(() -> {
                allStarted.countDown();
                awaitQuietly(release);
            });
        }
        // Each task waits for the others: on a pool that did not grow this would never finish.
        await().until(() -> tick() && allStarted.getCount() == 0);
        assertThat(pool.getPoolSize()).isBetween(6, 8);
    }

    @Test
    void neverGrowsPastItsMaximum() {
        pool = ElasticPool.start(1, 3, TICK, Duration.ofSeconds(60), THREADS, clock);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            pool.execute(() -> {
                running.incrementAndGet();
                awaitQuietly(release);
            });
        }
        await().until(() -> tick() && running.get() == 3);
        clock.advance(TICK.multipliedBy(100));
        assertThat(pool.getQueue()).hasSize(7);
        assertThat(pool.getCorePoolSize()).isEqualTo(3);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getCompletedTaskCount() == 10);
    }

    @Test
    void aHeldQueueGrowsThePoolEvenWhenTheCpusAreBusy() {
        AtomicLong cpu = new AtomicLong();
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofSeconds(60), THREADS, cpuAlwaysBusy(cpu), clock);
        pool.execute(() -> awaitQuietly(release));
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1);

        pool.adjust(); // first sight of the waiting task
        assertThat(pool.getCorePoolSize()).isEqualTo(1);
        pool.adjust(); // the same task is still at the head: nothing was taken for a tick
        assertThat(pool.getCorePoolSize()).isEqualTo(2);
    }

    @Test
    void workThatWaitsWhileTheCpusAreBusyDoesNotGrowThePool() {
        AtomicLong cpu = new AtomicLong();
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofSeconds(60), THREADS, cpuAlwaysBusy(cpu), clock);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(first));
        pool.execute(() -> awaitQuietly(second));
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1);
        pool.adjust();

        first.countDown(); // the head moves on: the queue drains, slowly, and the cores are busy
        await().until(() -> pool.getQueue().size() == 1);
        pool.adjust();
        assertThat(pool.getCorePoolSize()).isEqualTo(1);
        second.countDown();
    }

    @Test
    void workThatWaitsTwiceWhileTheCpusIdleGrowsThePool() {
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofSeconds(60), THREADS, () -> 0, clock);
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(first));
        pool.execute(() -> awaitQuietly(release));
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1);
        pool.adjust();

        first.countDown();
        await().until(() -> pool.getQueue().size() == 1);
        pool.adjust(); // a different head, but tasks waited at both looks and no CPU was used
        assertThat(pool.getCorePoolSize()).isEqualTo(2);
    }

    @Test
    void shrinksBackToItsMinimumAfterAQuietPeriod() {
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofMillis(15), THREADS, () -> 0, clock);
        pool.execute(() -> awaitQuietly(release));
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1);
        pool.adjust();
        pool.adjust();
        assertThat(pool.getCorePoolSize()).isEqualTo(2);
        release.countDown();
        await().until(() -> pool.getQueue().isEmpty() && pool.getActiveCount() == 0);

        pool.adjust();
        pool.adjust();
        assertThat(pool.getCorePoolSize()).isEqualTo(2); // two quiet looks of the three that make 15 ms
        pool.adjust();
        assertThat(pool.getCorePoolSize()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getPoolSize() == 1);
    }

    @Test
    void refusesAMinimumAboveItsMaximum() {
        pool = ElasticPool.start(1, 1, TICK, Duration.ofSeconds(60), THREADS, clock);
        assertThatThrownBy(() -> ElasticPool.start(3, 2, TICK, Duration.ofSeconds(60), THREADS, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min 3, max 2");
    }

    /** One tick of the clock: the monitor has looked once more when this returns. @return true */
    private boolean tick() {
        clock.advance(TICK);
        return true;
    }

    /** A clock under which the process used every core for all the time that passed, and more. */
    private static ElasticPool.CpuClock cpuAlwaysBusy(AtomicLong cpu) {
        return () -> cpu.addAndGet(TimeUnit.SECONDS.toNanos(1000));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
