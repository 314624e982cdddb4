package io.kalisocket.internal.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most one log line per interval for an event that clients can cause at will (a refused handshake, a failing
 * socket): a client must not be able to flood the server's log. The lines left out are counted and reported with
 * the next one that is written. Safe from any thread.
 */
public final class LogLimiter {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * @param interval the least time between two lines
     * @param nanoClock the server's clock ({@code KaliClock::nanoTime})
     */
    public LogLimiter(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextAllowed = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * @return how many lines were left out since the last one written, when this line may be written now; -1 when
     *     it must be left out (it is counted)
     */
    public long tryLog() {
        long now = nanoClock.getAsLong();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
