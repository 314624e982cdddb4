package io.kalisocket.client;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The timers of one {@link KaliClient}: heartbeat, resend, dead-connection check (while open), reconnect,
 * and one-shot call timeouts. Not thread-safe: the client guards it.
 */
final class Timers {

    private final ScheduledExecutorService scheduler;
    private volatile long lastFrameNanos;
    private Future<?> heartbeat;
    private Future<?> resend;
    private Future<?> deadCheck;
    private Future<?> reconnect;

    Timers(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code task} once after {@code delay}. */
    Future<?> once(Duration delay, Runnable task) {
        return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts the timers of an open connection.
     *
     * @param options the intervals
     * @param ping sends a heartbeat
     * @param resendDue resends unacknowledged calls
     * @param dead drops the connection when nothing came for {@link ClientOptions#deadAfter()}
     */
    void startOpen(ClientOptions options, Runnable ping, Runnable resendDue, Runnable dead) {
        stopOpen();
        lastFrameNanos = System.nanoTime();
        heartbeat = every(options.heartbeatInterval(), ping);
        resend = every(options.resendInterval(), resendDue);
        long limit = options.deadAfter().toNanos();
        deadCheck = every(options.deadAfter().dividedBy(4).plusMillis(1), () -> {
            if (System.nanoTime() - lastFrameNanos > limit) {
                dead.run();
            }
        });
    }

    /** Notes that a frame came: the connection is alive. */
    void alive() {
        lastFrameNanos = System.nanoTime();
    }

    /** Schedules the next connection attempt. */
    void reconnect(Duration delay, Runnable connect) {
        cancel(reconnect);
        reconnect = once(delay, connect);
    }

    /** Stops the timers of an open connection. */
    void stopOpen() {
        cancel(heartbeat);
        cancel(resend);
        cancel(deadCheck);
    }

    /** Stops every repeating timer and a scheduled reconnect. */
    void stopAll() {
        stopOpen();
        cancel(reconnect);
    }

    private Future<?> every(Duration period, Runnable task) {
        long nanos = period.toNanos();
        return scheduler.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private static void cancel(Future<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
