package io.kalisocket.config;

/**
 * Where actions run (always off the event loops, in arrival order per connection).
 *
 * @param virtualThreads {@code auto} (virtual threads on Java 21+, a platform pool before),
 *     {@code on} (fail at start when unavailable) or {@code off}
 * @param poolSize platform threads when virtual threads are not used; default 0, meaning
 *     {@code max(16, 8 x cores)} so that blocking actions (database calls) do not starve each other
 */
public record ExecutionConfig(String virtualThreads, int poolSize) {

    /** The defaults documented on each component. */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig("auto", 0);
    }

    /** @return the platform pool's size: {@link #poolSize} or {@code max(16, 8 x cores)} */
    public int effectivePoolSize() {
        return poolSize > 0 ? poolSize : Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    }
}
