package io.kalisocket.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FakeClock} as a specification: time moves only on {@code advance}, which runs what became due. */
class FakeClockTest {

    private final FakeClock clock = new FakeClock();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /* ---------------- telling time ---------------- */

    @Test
    void instant_startsAtNewYear2026AndMovesOnlyWhenAdvanced() {
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        long nanos = clock.nanoTime();
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(clock.nanoTime() - nanos).isEqualTo(1_500_000_000L);
    }

    @Test
    void advance_refusesToGoBack() {
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /* ---------------- schedule ---------------- */

    @Test
    void schedule_runsNothingUntilItsTimeComes() {
        clock.schedule(executor, () -> ran.add("task"), Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1).minusNanos(1));
        assertThat(ran).isEmpty();
        clock.advance(Duration.ofNanos(1));
        assertThat(ran).containsExactly("task");
    }

    @Test
    void schedule_runsOnTheGivenExecutorAtItsDueTime() {
        Thread[] on = new Thread[1];
        Instant[] at = new Instant[1];
        clock.schedule(executor, () -> {
            on[0] = Thread.currentThread();
            at[0] = clock.instant();
        }, Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(on[0]).isNotEqualTo(Thread.currentThread());
        assertThat(at[0]).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    }

    @Test
    void advance_runsTasksInTheOrderTheyAreDue_thenInTheOrderTheyWereScheduled() {
        clock.schedule(executor, () -> ran.add("b"), Duration.ofSeconds(2));
        clock.schedule(executor, () -> ran.add("a"), Duration.ofSeconds(1));
        clock.schedule(executor, () -> ran.add("c"), Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void advance_runsWhatADueTaskSchedulesWhenItIsDueWithinTheSameAdvance() {
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ran.add("tick at " + clock.instant());
            clock.schedule(executor, tick[0], Duration.ofSeconds(1));
        };
        clock.schedule(executor, tick[0], Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(3));
        assertThat(ran).containsExactly("tick at 2026-01-01T00:00:01Z", "tick at 2026-01-01T00:00:02Z",
                "tick at 2026-01-01T00:00:03Z");
        assertThat(clock.scheduledTasks()).isEqualTo(1);
    }

    @Test
    void cancel_beforeItsTimeMeansItNeverRuns() {
        Future<?> task = clock.schedule(executor, () -> ran.add("task"), Duration.ofSeconds(1));
        assertThat(task.cancel(false)).isTrue();
        assertThat(task.isCancelled()).isTrue();
        assertThat(clock.scheduledTasks()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(ran).isEmpty();
    }

    @Test
    void cancel_afterItRanChangesNothing() {
        Future<?> task = clock.schedule(executor, () -> ran.add("task"), Duration.ZERO);
        clock.advance(Duration.ZERO);
        assertThat(task.isDone()).isTrue();
        assertThat(task.cancel(false)).isFalse();
        assertThat(ran).containsExactly("task");
    }

    @Test
    void advance_skipsATaskWhoseExecutorWasShutDown() {
        clock.schedule(executor, () -> ran.add("task"), Duration.ofSeconds(1));
        executor.shutdownNow();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
        assertThat(clock.scheduledTasks()).isZero();
    }
}
