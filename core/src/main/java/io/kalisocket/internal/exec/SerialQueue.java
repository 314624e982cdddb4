package io.kalisocket.internal.exec;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared executor: the connection's
 * messages are handled in arrival order without holding a thread while it is idle. At {@code capacity} waiting
 * tasks it tells its {@link Backpressure} that it is full (the connection stops reading, and its frame decoder stops at
 * the frame that filled it), and that it drained at half of that. It holds up to {@link #HARD_LIMIT_FACTOR} times its
 * capacity before {@link #offer} refuses, room for tasks that reach it otherwise; the node's {@link NodeBacklog} can
 * refuse earlier. A task may leave work for the end of its batch ({@link #atBatchEnd}): the batch's replies
 * then wake the event loop once.
 */
public final class SerialQueue {

    /** The most tasks, as a multiple of the capacity: room for tasks that no paused read holds back. */
    public static final int HARD_LIMIT_FACTOR = 4;

    /** Told when the queue fills and when it has drained, to stop and resume reading what feeds it. */
    public interface Backpressure {
        /** The queue holds its capacity: stop feeding it. Called on the thread that offers. */
        void full();

        /** The queue is down to half its capacity: feed it again. Called on the thread that runs its tasks. */
        void drained();

        /** For queues nothing feeds at a rate (tests, internal work). */
        Backpressure NONE = new Backpressure() {
            @Override
            public void full() {
            }

            @Override
            public void drained() {
            }
        };
    }

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);
    /** Tasks run in one go before the queue yields its thread to other connections (fairness on a pool). */
    private static final int BATCH = 64;

    private final Executor executor;
    private final int capacity;
    private final Backpressure backpressure;
    private final NodeBacklog backlog;
    // Field updaters rather than atomic objects: one queue per connection, so 32 bytes each count.
    private static final AtomicIntegerFieldUpdater<SerialQueue> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(SerialQueue.class, "pending");
    private static final AtomicIntegerFieldUpdater<SerialQueue> FULL =
            AtomicIntegerFieldUpdater.newUpdater(SerialQueue.class, "full");

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<SerialQueue, ConcurrentLinkedQueue> TASKS =
            AtomicReferenceFieldUpdater.newUpdater(SerialQueue.class, ConcurrentLinkedQueue.class, "tasks");

    /**
     * Made at the first task: most connections of an application whose actions are {@code @Inline} never queue one
     * (48 bytes less each), and a queue that never had a task tells the event loop so ({@link #neverUsed}).
     */
    private volatile ConcurrentLinkedQueue<Runnable> tasks;
    /** Tasks waiting or running. */
    private volatile int pending;
    /** 1 once the queue reported itself full, 0 again once it reported drained: each is reported once. */
    private volatile int full;
    /** The thread running this queue's tasks now, or null: a task may then leave work for the end of its batch. */
    private volatile Thread drainer;
    /** What the running batch left for its end ({@link #atBatchEnd}); touched by the drainer only. */
    private Runnable batchEnd;

    /**
     * @param executor where tasks run (virtual threads, or a platform pool)
     * @param capacity tasks waiting or running at which the queue is full
     * @param backpressure told when the queue fills and drains
     * @param backlog the node's count of waiting tasks, shared by every queue
     */
    public SerialQueue(Executor executor, int capacity, Backpressure backpressure, NodeBacklog backlog) {
        this.executor = executor;
        this.capacity = capacity;
        this.backpressure = backpressure;
        this.backlog = backlog;
    }

    /**
     * A queue without backpressure or node limit, for work that nothing feeds at a rate.
     *
     * @param executor where tasks run
     * @param capacity tasks waiting or running at which the queue is full
     */
    public SerialQueue(Executor executor, int capacity) {
        this(executor, capacity, Backpressure.NONE, new NodeBacklog(0));
    }

    /**
     * Queues a task behind every task offered before it.
     *
     * @param task the task; an exception it throws is logged and does not stop the queue
     * @return false when the queue is past its hard limit or the node is overloaded (the task was not queued)
     */
    public boolean offer(Runnable task) {
        if (pending >= capacity * HARD_LIMIT_FACTOR || !backlog.tryAdd()) {
            return false;
        }
        tasks().add(task);
        int before = PENDING.getAndIncrement(this);
        if (before + 1 >= capacity && FULL.compareAndSet(this, 0, 1)) {
            backpressure.full();
        }
        if (before == 0) {
            schedule();
        }
        return true;
    }

    /** @return true when no task is waiting or running, so an inline task keeps the order */
    public boolean isIdle() {
        return pending == 0;
    }

    /**
     * @return true when no task was ever offered: nothing this queue ran can have left work (a reply, a flush) in the
     *     event loop's task queue, so work on the loop may run at once without overtaking any
     */
    public boolean neverUsed() {
        return tasks == null;
    }

    @SuppressWarnings("unchecked")
    private Queue<Runnable> tasks() {
        ConcurrentLinkedQueue<Runnable> made = tasks;
        if (made == null) {
            TASKS.compareAndSet(this, null, new ConcurrentLinkedQueue<Runnable>());
            made = tasks;
        }
        return made;
    }

    /**
     * @return true when the calling thread is running one of this queue's tasks now, so it may use
     *         {@link #atBatchEnd}
     */
    public boolean runsHere() {
        return drainer == Thread.currentThread();
    }

    /**
     * Leaves work for the end of the running batch: once no task of this queue waits (or the batch yields its
     * thread), before the queue lets another thread run its tasks. Replies use it to wake the event loop once per
     * batch rather than once per reply. Call only from a task of this queue ({@link #runsHere}).
     *
     * @param work what to run; it replaces nothing: work already left runs first
     * @return false when the calling thread is not running this queue's tasks (nothing was left)
     */
    public boolean atBatchEnd(Runnable work) {
        if (!runsHere()) {
            return false;
        }
        Runnable before = batchEnd;
        if (before != null && before != work) {
            runBatchEnd();
        }
        batchEnd = work;
        return true;
    }

    /** @return the work left for the end of the running batch, or null; call only from a task of this queue */
    public Runnable leftForBatchEnd() {
        return runsHere() ? batchEnd : null;
    }

    private void runBatchEnd() {
        Runnable work = batchEnd;
        batchEnd = null;
        if (work != null) {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("end of a connection's batch failed", e);
            }
        }
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down: drop what is queued, so the queue does not wedge.
            log.debug("executor refused a connection's queue; dropping {} task(s)", pending);
            while (tasks.poll() != null) {
                backlog.remove();
            }
            pending = 0;
        }
    }

    private void drain() {
        Thread self = Thread.currentThread();
        for (int n = 0; n < BATCH; n++) {
            drainer = self;
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                log.error("task of a connection's queue failed", e);
            }
            // The batch ends while this thread is still the only drainer: with no other task counted (pending is
            // only lowered here, so 1 means the decrement below may hand the queue to another thread) or at BATCH.
            boolean last = pending == 1 || n + 1 == BATCH;
            if (last) {
                drainer = null;
                runBatchEnd();
            }
            backlog.remove();
            int left = PENDING.decrementAndGet(this);
            if (left <= capacity / 2 && full == 1 && FULL.compareAndSet(this, 1, 0)) {
                backpressure.drained();
            }
            if (left == 0) {
                return;
            }
        }
        schedule();
    }
}
