package io.kalisocket.testing;

import io.kalisocket.KaliClock;
import io.kalisocket.internal.time.SystemClock;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link KaliClock} that moves only when the test says so ({@code KaliServer.clock(clock)}): windows are
 * tested without sleeping, as with Caffeine's fake ticker.
 *
 * <p>{@link #advance} moves time forward in steps, from one due task to the next: each task whose time has
 * come runs on its own executor (an event loop, a monitor thread), and the clock waits until it has run before
 * it looks again, so a task that schedules another (a periodic check) is seen in the same advance. When
 * {@code advance} returns, every task due by then has run. What those tasks set off on other threads (a close
 * frame on its way to a client, an action on the action pool) may still be under way: await that. A task for
 * the loop the caller is on (an {@code EmbeddedChannel}'s) runs at once, on the caller's thread.
 *
 * <p>Starts at 2026-01-01T00:00:00Z. Thread-safe; advance it from one thread at a time (the test's).
 */
public final class FakeClock implements KaliClock {

    /** How long {@link #advance} waits for one due task to run on its executor before it gives up on it. */
    private static final Duration RUN_WAIT = Duration.ofSeconds(10);

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final PriorityQueue<Task> due = new PriorityQueue<>();
    private long nanos;
    private long sequence;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant instant() {
        return START.plusNanos(nanos);
    }

    @Override
    public synchronized long millis() {
        return START.toEpochMilli() + nanos / 1_000_000;
    }

    @Override
    public synchronized Future<?> schedule(ScheduledExecutorService executor, Runnable task, Duration delay) {
        long at = nanos + Math.max(0, SystemClock.nanos(delay));
        Task scheduled = new Task(at < nanos ? Long.MAX_VALUE : at, sequence++, executor, task);
        due.add(scheduled);
        return scheduled;
    }

    /**
     * Moves the clock forward, running every task that becomes due on its executor, in the order they are due.
     *
     * @param duration how far
     * @return this
     */
    public FakeClock advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + duration);
        }
        long target;
        synchronized (this) {
            target = nanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = due.peek();
                if (next == null || next.at > target) {
                    nanos = Math.max(nanos, target);
                    return this;
                }
                due.poll();
                nanos = Math.max(nanos, next.at);
            }
            next.runAndWait();
        }
    }

    /** @return how many tasks were ever scheduled on this clock, cancelled and run ones included */
    public synchronized long tasksEverScheduled() {
        return sequence;
    }

    /** @return how many tasks wait for their time (cancelled ones are forgotten at once) */
    public synchronized int scheduledTasks() {
        return due.size();
    }

    private synchronized boolean forget(Task task) {
        return due.remove(task);
    }

    @Override
    public String toString() {
        return "FakeClock[" + instant() + "]";
    }

    /** A task waiting for its time: cancellable until it starts, like an executor's scheduled future. */
    private final class Task implements Future<Void>, Comparable<Task> {
        private final long at;
        private final long order;
        private final ScheduledExecutorService executor;
        private final Runnable work;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean cancelled;

        Task(long at, long order, ScheduledExecutorService executor, Runnable work) {
            this.at = at;
            this.order = order;
            this.executor = executor;
            this.work = work;
        }

        void runAndWait() {
            if (executor instanceof EventExecutor loop && loop.inEventLoop()) {
                runHere(); // already on its loop (an EmbeddedChannel's, or a test advancing from a loop)
                return;
            }
            try {
                executor.execute(this::runHere);
            } catch (RejectedExecutionException shutDown) {
                done.countDown(); // its executor stopped (a server that was closed): the task is moot
                return;
            }
            try {
                if (!done.await(RUN_WAIT.toMillis(), TimeUnit.MILLISECONDS) && !executor.isShutdown()) {
                    throw new IllegalStateException("a task due at " + START.plusNanos(at) + " did not run within "
                            + RUN_WAIT + " on " + executor + " (is the test advancing the clock from that executor?)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void runHere() {
            try {
                if (!cancelled) {
                    work.run();
                }
            } finally {
                done.countDown();
            }
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done.getCount() == 0) {
                return false;
            }
            cancelled = true;
            forget(this);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || done.getCount() == 0;
        }

        @Override
        public Void get() throws InterruptedException, ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            done.await();
            return null;
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                TimeoutException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (!done.await(timeout, unit)) {
                throw new TimeoutException();
            }
            return null;
        }
    }
}
