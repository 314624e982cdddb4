package io.kalisocket.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so, for the recovery window: expiry is tested without sleeping. */
final class MovableClock implements InstantSource {

    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    /** @param duration how far to move forward */
    void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }
}
