package io.kalisocket.client;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one clock of a {@link KaliClient}: its timers all read it and are scheduled through it (heartbeat, resend,
 * dead connection, call timeout, reconnect back-off, the wait for a recovery frame). Given with
 * {@link ClientOptions.Builder#clock}; the default is {@link #system()}. The same shape as the server's clock
 * ({@code io.kalisocket.KaliClock}), which this module does not depend on.
 *
 * <p>Why it both tells time and schedules: a timeout is "a time read now, compared later", and the "later" is a
 * scheduled task; with both on one clock a test's fake clock moves time and runs what became due, and nothing
 * sleeps. Why tasks run on a given executor: the client's timers run on its {@link ClientRuntime#scheduler()},
 * never on a thread of the clock's own.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ClientClock extends InstantSource {

    /** @return the system clock: {@link System#nanoTime()}, the system's UTC time, the executor's own scheduling */
    static ClientClock system() {
        return SystemClientClock.INSTANCE;
    }

    /**
     * Reads the clock that durations are measured on, as {@link System#nanoTime()} does: only the difference of two
     * readings means anything.
     *
     * @return the current value, in nanoseconds
     */
    long nanoTime();

    /**
     * Runs a task once, on the given executor, after a delay of this clock's time.
     *
     * @param executor where the task runs: the client runtime's scheduler
     * @param task the task
     * @param delay how long from now, on this clock; zero or less runs it as soon as the executor can
     * @return a future whose {@link Future#cancel cancel} stops the task if it has not started
     */
    Future<?> schedule(ScheduledExecutorService executor, Runnable task, Duration delay);
}
