package io.kalisocket.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's one thread: its Redis work (registrations, departures, heartbeats, repairs, membership notices) runs
 * here, off the event loops and in order. A task that fails because Redis is unreachable is logged once per outage
 * ("...; retrying", then "reachable again"), any other failure with its stack trace; neither stops a periodic task.
 */
final class ClusterThread {

    private static final Logger log = LoggerFactory.getLogger(ClusterThread.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kali-cluster");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean redisDown = new AtomicBoolean();
    private final Supplier<String> where;
    private volatile boolean closing;

    /** @param where where Redis is, for the log lines */
    ClusterThread(Supplier<String> where) {
        this.where = where;
    }

    /** @return true once {@link #close} began: nothing more is run */
    boolean closing() {
        return closing;
    }

    /** @param task run soon, in order with the others @return false when the thread is closing (not run) */
    boolean execute(Runnable task) {
        return submit(() -> guarded(task));
    }

    /**
     * @param task run soon, in order with the others
     * @param retry run {@code retryMillis} later when the task failed (a primary failing over, say)
     * @param retryMillis how much later
     */
    void executeOrRetry(Runnable task, Runnable retry, long retryMillis) {
        submit(() -> {
            if (!guarded(task) && !closing) {
                try {
                    timer.schedule(() -> guarded(retry), retryMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException leaving) {
                    // closed meanwhile: the cluster's own cleanup follows
                }
            }
        });
    }

    /** @param millis the delay between runs @param task run every {@code millis}, the first time after one delay */
    void every(long millis, Runnable task) {
        timer.scheduleWithFixedDelay(() -> guarded(task), millis, millis, TimeUnit.MILLISECONDS);
    }

    private boolean submit(Runnable task) {
        if (closing) {
            return false;
        }
        try {
            timer.execute(task);
            return true;
        } catch (RejectedExecutionException leaving) {
            return false; // the cluster is closing: its own cleanup removes every connection of this node
        }
    }

    private boolean guarded(Runnable task) {
        try {
            task.run();
            if (redisDown.compareAndSet(true, false)) {
                log.info("Redis at {} is reachable again", where.get());
            }
            return true;
        } catch (ClusterUnavailableException e) {
            if (!closing && redisDown.compareAndSet(false, true)) {
                log.warn("{}; retrying", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("cluster task failed", e);
        }
        return false;
    }

    /**
     * Stops the thread: what runs now may finish (up to 2 s), nothing queued runs.
     *
     * @return false when interrupted while waiting
     */
    boolean close() {
        closing = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
