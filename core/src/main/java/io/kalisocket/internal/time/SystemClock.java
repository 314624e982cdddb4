package io.kalisocket.internal.time;

import io.kalisocket.KaliClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link KaliClock#system()}: the JVM's clocks, and each executor's own scheduling (an event loop's task queue,
 * a {@link ScheduledExecutorService}'s timer), so the system clock costs nothing over calling them directly.
 */
public enum SystemClock implements KaliClock {

    /** The only instance. */
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public Future<?> schedule(ScheduledExecutorService executor, Runnable task, Duration delay) {
        return executor.schedule(task, nanos(delay), TimeUnit.NANOSECONDS);
    }

    /** @param delay a delay @return it in nanoseconds; one too long for a {@code long} (292 years) is the longest */
    public static long nanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return delay.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "KaliClock.system()";
    }
}
