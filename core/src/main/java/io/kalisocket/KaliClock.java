package io.kalisocket;

import io.kalisocket.internal.time.SystemClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one clock of a server: every timer of the framework reads it and is scheduled through it (the receipts'
 * dedup window, the rate limit, the handshake, idle and close-handshake timeouts, the action pool's monitor,
 * connection recovery's window), and extensions get it through {@link io.kalisocket.spi.LocalNode#clock()} (the
 * cluster's claims). Give a server one with {@link KaliServer#clock(KaliClock)}; the default is {@link #system()}.
 *
 * <p>Why one interface that both tells time and schedules: a window is "a time read now, compared later", and
 * the "later" is a scheduled task. A clock that only told time would leave the schedules on the real clock, so a
 * test that moves a fake clock would still wait in real time for the task that looks. With both on one clock, a
 * test's fake clock moves time and runs what became due, and nothing sleeps.
 *
 * <p>Why tasks run on a given executor: the framework's handlers are single-threaded per connection, each on its
 * channel's event loop. A timer's task runs on the executor it names (an event loop, a monitor thread), never on
 * a thread of the clock's own, so a handler's state needs no locking whichever clock drives it.
 *
 * <p>It is an {@link InstantSource}, so code that only reads the time of day (recovery's window, a library taking
 * an {@code InstantSource}) takes it as it is; durations are measured on {@link #nanoTime()}, which never jumps.
 *
 * <p>Implementations must be thread-safe.
 */
public interface KaliClock extends InstantSource {

    /** @return the system clock: {@link System#nanoTime()}, the system's UTC time, the executors' own scheduling */
    static KaliClock system() {
        return SystemClock.INSTANCE;
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
     * @param executor where the task runs, e.g. a channel's event loop
     * @param task the task
     * @param delay how long from now, on this clock; zero or less runs it as soon as the executor can
     * @return a future whose {@link Future#cancel cancel} stops the task if it has not started
     */
    Future<?> schedule(ScheduledExecutorService executor, Runnable task, Duration delay);
}
