package io.kalisocket.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kalisocket.testing.FakeClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The action pool keeps few threads, grows only while work waits and the cores are not busy (actions that
 * block), never past its maximum, and shrinks to what its work used after a keep-alive without need. Its monitor
 * looks once a tick of the server's clock, here a fake one: time moves only when a test advances it.
 */
class ElasticPoolTest {

    private static final Duration TICK = Duration.ofMillis(5);
    private static final ThreadFactory THREADS = Executors.defaultThreadFactory();

    private final CountDownLatch release = new CountDownLatch(1);
    private final FakeClock clock = new FakeClock();
    private final Logger logger = (Logger) LoggerFactory.getLogger(BlockedPoolAlarm.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private ElasticPool pool;

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stop() throws InterruptedException {
        logger.detachAppender(lines);
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
    void anIdlePoolAtItsMinimum_stopsLooking_untilATaskComes() {
        pool = ElasticPool.start(1, 4, TICK, Duration.ofSeconds(60), THREADS, clock);
        clock.advance(TICK); // a look: nothing waits, nothing to shrink
        assertThat(clock.scheduledTasks()).as("no look scheduled while idle").isZero();

        pool.execute(() -> awaitQuietly(release));
        pool.execute(() -> { });
        assertThat(clock.scheduledTasks()).as("a task wakes the monitor").isEqualTo(1);
        await().until(() -> pool.getActiveCount() == 1);
        clock.advance(TICK); // the first look since: it sees the waiting task
        clock.advance(TICK); // nothing taken for a tick: the pool grows, as it does awake
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
    void aQueueHeldByThreadsThatWait_growsThePoolEvenWhenTheCpusAreBusy() {
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

    /** A cold start: the first actions load classes and run interpreted, holding the threads, but computing. */
    @Test
    void aQueueHeldByThreadsThatCompute_onBusyCores_doesNotGrowThePool() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong computed = new AtomicLong();
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofSeconds(60), THREADS, cpuAlwaysBusy(new AtomicLong()),
                clock);
        pool.execute(() -> {
            while (release.getCount() > 0) {
                computed.set(mx.getCurrentThreadCpuTime());
            }
        });
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1 && computed.get() > 0);

        pool.adjust(); // first sight of the waiting task: the held thread's CPU time is read
        long atLook = computed.get();
        // Real time passes until the held thread has computed a whole tick, however starved the machine is.
        await().until(() -> computed.get() - atLook > TICK.toNanos());
        pool.adjust(); // nothing was taken for a tick, but more threads would only share the busy cores with it
        assertThat(pool.getCorePoolSize()).isEqualTo(1);
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
    void aTaskThatWaitsAWholeTickWhileTheCpusIdle_growsThePool() {
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofSeconds(60), THREADS, () -> 0, clock);
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(first));
        pool.execute(() -> awaitQuietly(release));
        pool.execute(() -> { });
        await().until(() -> pool.getActiveCount() == 1);
        pool.adjust();

        first.countDown();
        await().until(() -> pool.getQueue().size() == 1);
        pool.adjust(); // the head moved on, but the last task waited a whole tick and no CPU was used
        assertThat(pool.getCorePoolSize()).isEqualTo(2);
    }

    @Test
    void aQueueWorkedOffWithinATick_doesNotGrowThePool_thoughTasksWaitAtEveryLookAndTheCpusIdle() {
        pool = ElasticPool.unmonitored(1, 4, TICK, Duration.ofSeconds(60), THREADS, () -> 0, clock);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch third = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(first));
        pool.execute(() -> { });
        pool.execute(() -> awaitQuietly(third));
        await().until(() -> pool.getActiveCount() == 1);
        pool.adjust(); // two tasks wait

        first.countDown(); // both are taken before the next look, and a new one comes: short actions at a high rate
        await().until(() -> pool.getQueue().isEmpty() && pool.getCompletedTaskCount() == 2);
        pool.execute(() -> { });
        pool.adjust();
        assertThat(pool.getCorePoolSize()).as("no task waited a whole tick").isEqualTo(1);
        third.countDown();
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

    /**
     * Steady work after a burst: the pool keeps twice the tasks that ran at once, and the other threads leave as soon
     * as they are idle, not after a keep-alive that steady work would never let them reach (idle threads take turns).
     */
    @Test
    void underSteadyWork_shrinksToTwiceTheTasksThatRanAtOnce_andTheOtherThreadsLeaveAtOnce() {
        // Three looks make the 60 s keep-alive: threads that had to wait it out in real time would not leave here.
        pool = ElasticPool.unmonitored(1, 8, Duration.ofSeconds(20), Duration.ofSeconds(60), THREADS, () -> 0, clock);
        CountDownLatch burst = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            pool.execute(() -> awaitQuietly(burst));
        }
        looks(4); // 1 -> 2 -> 4 -> 8: tasks waited a whole look while the cpus idled
        assertThat(pool.getCorePoolSize()).isEqualTo(8);
        await().until(() -> pool.getActiveCount() == 8);
        burst.countDown();
        await().until(() -> pool.getActiveCount() == 0);

        CountDownLatch steady = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(steady));
        pool.execute(() -> awaitQuietly(steady));
        await().until(() -> pool.getActiveCount() == 2);
        looks(3);
        assertThat(pool.getCorePoolSize()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getPoolSize() == 4);

        steady.countDown();
        await().until(() -> pool.getActiveCount() == 0);
        looks(3);
        assertThat(pool.getCorePoolSize()).as("no work: back to the minimum").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getPoolSize() == 1);
    }

    @Test
    void actionsThatReallyBlockAtTheMaximum_warn() {
        pool = ElasticPool.unmonitored(2, 2, TICK, Duration.ofSeconds(60), THREADS, () -> -1, clock);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> awaitQuietly(release)); // parked on a latch: no CPU at all
        }
        heldAtItsMaximum(2);

        pool.adjust(); // the first sight of the waiting task
        pool.adjust(); // nothing was taken for a tick: the spell begins
        clock.advance(BlockedPoolAlarm.JUDGED_OVER);
        pool.adjust();

        assertThat(warnings()).singleElement().asString()
                .contains("2 of 2 action threads waited for 1000 ms without computing and 1 tasks wait");
    }

    /** The false alarm: a burst of connects on 2 cores held every thread, computing, not waiting. */
    @Test
    void actionsThatComputeUnderCpuContention_doNotWarn() {
        int threads = Runtime.getRuntime().availableProcessors() * 2; // more busy threads than cores
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLongArray cpu = new AtomicLongArray(threads);
        pool = ElasticPool.unmonitored(threads, threads, TICK, Duration.ofSeconds(60), THREADS, () -> -1, clock);
        for (int i = 0; i < threads; i++) {
            int slot = i;
            pool.execute(() -> {
                while (release.getCount() > 0) {
                    cpu.set(slot, mx.getCurrentThreadCpuTime()); // computing, as a starved action does
                }
            });
        }
        pool.execute(() -> { });
        heldAtItsMaximum(threads);

        pool.adjust(); // the first sight of the waiting task
        pool.adjust(); // nothing was taken for a tick: the spell begins
        long[] atStart = snapshot(cpu);
        // well above the 1 % that counts as working
        long share = (long) (BlockedPoolAlarm.JUDGED_OVER.toNanos() * 0.05);
        // Real time passes until each thread has computed its share, however starved of CPU the machine is.
        await().atMost(Duration.ofMinutes(1)).until(() -> everyAdvanced(cpu, atStart, share));
        clock.advance(BlockedPoolAlarm.JUDGED_OVER);
        pool.adjust();

        assertThat(warnings()).isEmpty();
        assertThat(pool.getCorePoolSize()).isEqualTo(threads);
    }

    @Test
    void refusesAMinimumAboveItsMaximum() {
        pool = ElasticPool.start(1, 1, TICK, Duration.ofSeconds(60), THREADS, clock);
        assertThatThrownBy(() -> ElasticPool.start(3, 2, TICK, Duration.ofSeconds(60), THREADS, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min 3, max 2");
    }

    /** Waits until each of the pool's {@code max} threads runs a task, with tasks still waiting. */
    private void heldAtItsMaximum(int max) {
        await().until(() -> pool.getActiveCount() == max && !pool.getQueue().isEmpty());
    }

    private List<ILoggingEvent> warnings() {
        return lines.list.stream().filter(line -> line.getLevel() == Level.WARN).toList();
    }

    private static long[] snapshot(AtomicLongArray values) {
        long[] copy = new long[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i);
        }
        return copy;
    }

    private static boolean everyAdvanced(AtomicLongArray values, long[] from, long by) {
        for (int i = 0; i < from.length; i++) {
            if (values.get(i) - from[i] < by) {
                return false;
            }
        }
        return true;
    }

    private void looks(int times) {
        for (int i = 0; i < times; i++) {
            pool.adjust();
        }
    }

    /** One tick of the clock: the monitor has looked once more when this returns. @return true */
    private boolean tick() {
        clock.advance(TICK);
        return true;
    }

    /** A clock under which the process used every core for all the time that passed, and more. */
    private static CpuClock cpuAlwaysBusy(AtomicLong cpu) {
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
