package io.kalisocket.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the clients of a mass reconnect have reached so far, all together. */
public final class ReconnectTally {

    private final LongAdder joined = new LongAdder();
    private final LongAdder back = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder missedDelivered = new LongAdder();
    private final AtomicLong lastBackNanos = new AtomicLong();

    void joined() {
        joined.increment();
    }

    void back(long nanoTime) {
        back.increment();
        lastBackNanos.accumulateAndGet(nanoTime, Math::max);
    }

    void failed() {
        failed.increment();
    }

    void missedDelivered() {
        missedDelivered.increment();
    }

    /**
     * Clients whose join of the room was acknowledged (at the first connect, and after a fresh reconnect).
     *
     * @return count
     */
    public long joinedCount() {
        return joined.sum();
    }

    /**
     * Clients back: recovered with every missed push in order, or (fresh reconnect) rejoined.
     *
     * @return count
     */
    public long backCount() {
        return back.sum();
    }

    /**
     * Clients whose return failed: {@code recovered:false}, or a push out of order or duplicated.
     *
     * @return count
     */
    public long failedCount() {
        return failed.sum();
    }

    /**
     * Missed pushes received in order, all clients together.
     *
     * @return count
     */
    public long missedDeliveredCount() {
        return missedDelivered.sum();
    }

    /**
     * When the last client came back.
     *
     * @return {@link System#nanoTime()}, 0 while none has
     */
    public long lastBackNanos() {
        return lastBackNanos.get();
    }
}
