package io.kalisocket.client;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The timers of one {@link KaliClient}: heartbeat, resend, dead-connection check (while open), reconnect,
 * and one-shot call timeouts. All on the client's {@link ClientClock}, run on the runtime's scheduler. Not
 * thread-safe: the client guards it.
 */
final class Timers {

    private final ScheduledExecutorService scheduler;
    private final ClientClock clock;
    private volatile long lastFrameNanos;
    private Repeating heartbeat;
    private Repeating resend;
    private Repeating deadCheck;
    private Future<?> reconnect;

    Timers(ScheduledExecutorService scheduler, ClientClock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** @return the client clock's time, in nanoseconds */
    long now() {
        return clock.nanoTime();
    }

    /** Runs {@code task} once after {@code delay}. */
    Future<?> once(Duration delay, Runnable task) {
        return clock.schedule(scheduler, task, delay);
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
        lastFrameNanos = now();
        heartbeat = new Repeating(options.heartbeatInterval(), ping);
        resend = new Repeating(options.resendInterval(), resendDue);
        long limit = options.deadAfter().toNanos();
        deadCheck = new Repeating(options.deadAfter().dividedBy(4).plusMillis(1), () -> {
            if (now() - lastFrameNanos > limit) {
                dead.run();
            }
        });
    }

    /** Notes that a frame came: the connection is alive. */
    void alive() {
        lastFrameNanos = now();
    }

    /** Schedules the next connection attempt. */
    void reconnect(Duration delay, Runnable connect) {
        cancel(reconnect);
        reconnect = once(delay, connect);
    }

    /** Stops the timers of an open connection. */
    void stopOpen() {
        stop(heartbeat);
        stop(resend);
        stop(deadCheck);
    }

    /** Stops every repeating timer and a scheduled reconnect. */
    void stopAll() {
        stopOpen();
        cancel(reconnect);
    }

    private static void stop(Repeating r) {
        if (r != null) {
            r.stop();
        }
    }

    private static void cancel(Future<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** A task run every {@code period} of the clock: each run schedules the next, until stopped. */
    private final class Repeating {
        private final Duration period;
        private final Runnable task;
        private volatile boolean stopped;
        private volatile Future<?> next;

        Repeating(Duration period, Runnable task) {
            this.period = period;
            this.task = task;
            schedule();
        }

        private void schedule() {
            if (!stopped) {
                next = clock.schedule(scheduler, this::run, period);
            }
        }

        private void run() {
            if (stopped) {
                return;
            }
            try {
                task.run();
            } finally {
                schedule();
            }
        }

        void stop() {
            stopped = true;
            cancel(next);
        }
    }
}
