package io.kalisocket.internal.exec;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls waiting for an action thread on this node, all connections together, and the most it may hold
 * ({@code execution.max-queued-total}): past it the node is overloaded and a new call is answered {@code 503}.
 * A connection's own flood never gets here, since its reading pauses first ({@link SerialQueue.Backpressure});
 * this bounds many connections at once, each within its limit.
 */
public final class NodeBacklog {

    private final int limit;
    private final AtomicInteger queued = new AtomicInteger();

    /** @param limit most calls waiting on the node; 0 for no limit */
    public NodeBacklog(int limit) {
        this.limit = limit;
    }

    /** @return true when one more call may wait (it is counted); false when the node is full */
    boolean tryAdd() {
        if (limit > 0 && queued.get() >= limit) {
            return false;
        }
        queued.incrementAndGet();
        return true;
    }

    /** One call left the queue (it ran, or was dropped). */
    void remove() {
        queued.decrementAndGet();
    }

    /** @return calls waiting on the node now */
    public int queued() {
        return queued.get();
    }
}
