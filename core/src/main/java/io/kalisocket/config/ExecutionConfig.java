package io.kalisocket.config;

/**
 * Where actions run (always off the event loops, in arrival order per connection).
 *
 * @param virtualThreads {@code auto} (virtual threads on Java 21+, a platform pool before),
 *     {@code on} (fail at start when unavailable) or {@code off}
 * @param poolSize most platform threads when virtual threads are not used; default 0, meaning
 *     {@code max(16, 8 x cores)} so that blocking actions (database calls) do not starve each other
 * @param poolMin platform threads always kept; default 0, meaning one per core (at most {@code poolSize}). The
 *     pool grows from here towards {@code poolSize} only while tasks wait and the cores are not busy, i.e.
 *     while actions block; {@code poolMin == poolSize} makes a fixed pool
 * @param maxQueuedTotal calls waiting for an action thread on the node, all connections together, past which a
 *     new call is answered {@code 503 server busy}; default 100,000; 0 is no limit. One connection's flood never
 *     gets here (its reading pauses at {@code limits.max-queued-per-connection}): this bounds an overload of many
 */
public record ExecutionConfig(String virtualThreads, int poolSize, int poolMin, int maxQueuedTotal) {

    /** The defaults documented on each component. */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig("auto", 0, 0, 100_000);
    }

    /** @return the platform pool's most threads: {@link #poolSize} or {@code max(16, 8 x cores)} */
    public int effectivePoolSize() {
        return poolSize > 0 ? poolSize : Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    }

    /** @return the platform pool's fewest threads: {@link #poolMin} or the cores, never above the most */
    public int effectivePoolMin() {
        int wanted = poolMin > 0 ? poolMin : Runtime.getRuntime().availableProcessors();
        return Math.min(wanted, effectivePoolSize());
    }
}
