package io.kalisocket.client;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Core's {@link FakeClock} as a client's clock: the client's timers run when the test advances the fake, and a
 * server on the same fake shares its time. {@code ClientOptions.builder().clock(new FakeClientClock(fake))}.
 */
final class FakeClientClock implements ClientClock {

    private final FakeClock fake;

    /** @param fake the fake time to read and schedule on */
    FakeClientClock(FakeClock fake) {
        this.fake = fake;
    }

    @Override
    public long nanoTime() {
        return fake.nanoTime();
    }

    @Override
    public Instant instant() {
        return fake.instant();
    }

    @Override
    public Future<?> schedule(ScheduledExecutorService executor, Runnable task, Duration delay) {
        return fake.schedule(executor, task, delay);
    }
}
