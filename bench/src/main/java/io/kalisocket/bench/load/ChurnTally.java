package io.kalisocket.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the {@code soak} scenario's churn connections did, counted from any thread. */
public final class ChurnTally {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder pushes = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    /** A connection is being opened. */
    void starting() {
        started.increment();
        inFlight.incrementAndGet();
    }

    /** A connection is over: closed after it was open, or never opened. */
    void ended() {
        inFlight.decrementAndGet();
    }

    /** A connection went through its whole life: connect, bind, join, say, close. */
    void addCompleted() {
        completed.increment();
    }

    /** A connection did not open, or closed before its life was through. */
    void addFailed() {
        failed.increment();
    }

    /** The server answered a call with an error code. */
    void addError() {
        errors.increment();
    }

    /** A push (another client's say) arrived. */
    void addPush() {
        pushes.increment();
    }

    /** A connection was not started because too many were still in flight: the server fell behind. */
    void addSkipped() {
        skipped.increment();
    }

    /** @return connections opening or open now */
    public int inFlight() {
        return inFlight.get();
    }

    /** @return connections started */
    public long started() {
        return started.sum();
    }

    /** @return connections that went through their whole life */
    public long completed() {
        return completed.sum();
    }

    /** @return connections that did not open or closed too early */
    public long failed() {
        return failed.sum();
    }

    /** @return error replies */
    public long errors() {
        return errors.sum();
    }

    /** @return pushes received */
    public long pushes() {
        return pushes.sum();
    }

    /** @return connections not started because the server fell behind */
    public long skipped() {
        return skipped.sum();
    }
}
