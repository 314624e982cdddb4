package io.kalisocket.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@link ClientClock#system()}: the JVM's clocks and the executor's own scheduling. */
enum SystemClientClock implements ClientClock {

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
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = delay.isNegative() ? 0 : Long.MAX_VALUE;
        }
        return executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "ClientClock.system()";
    }
}
