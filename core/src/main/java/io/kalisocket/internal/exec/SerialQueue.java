package io.kalisocket.internal.exec;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared executor: the connection's
 * messages are handled in arrival order without holding a thread while it is idle. Holds at most
 * {@code capacity} waiting tasks; {@link #offer} refuses more.
 */
public final class SerialQueue {

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);
    /** Tasks run in one go before the queue yields its thread to other connections (fairness on a pool). */
    private static final int BATCH = 64;

    private final Executor executor;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param executor where tasks run (virtual threads, or a platform pool)
     * @param capacity most tasks waiting or running at once
     */
    public SerialQueue(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /**
     * Queues a task behind every task offered before it.
     *
     * @param task the task; an exception it throws is logged and does not stop the queue
     * @return false when the queue is full (the task was not queued)
     */
    public boolean offer(Runnable task) {
        if (pending.get() >= capacity) {
            return false;
        }
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            schedule();
        }
        return true;
    }

    /** @return true when no task is waiting or running, so an inline task keeps the order */
    public boolean isIdle() {
        return pending.get() == 0;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down: drop what is queued, so the queue does not wedge.
            log.debug("executor refused a connection's queue; dropping {} task(s)", pending.get());
            tasks.clear();
            pending.set(0);
        }
    }

    private void drain() {
        for (int n = 0; n < BATCH; n++) {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                log.error("task of a connection's queue failed", e);
            }
            if (pending.decrementAndGet() == 0) {
                return;
            }
        }
        schedule();
    }
}
