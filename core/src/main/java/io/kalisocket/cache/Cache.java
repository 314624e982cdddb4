package io.kalisocket.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A key-value cache with per-entry time to live, shared by the actions of one node (the local
 * implementation) or of a whole cluster (the Redis implementation).
 *
 * <p>A stored {@code false}, {@code 0}, empty string or empty list is a hit, never a miss: only an
 * absent key is a miss. Values are plain Java objects for the local implementation; implementations
 * that cross a process boundary store them as JSON.
 */
public interface Cache {

    /**
     * Reads a value.
     *
     * @param key the key
     * @return the value, or empty when the key is absent or expired
     */
    Optional<Object> get(String key);

    /**
     * Stores a value, replacing any previous one.
     *
     * @param key the key
     * @param value the value, never null
     * @param ttl how long the entry lives; must be positive
     */
    void set(String key, Object value, Duration ttl);

    /**
     * Stores a value only when the key is absent, atomically: of many concurrent callers with the
     * same key exactly one wins. The receipts' dedup window is built on this.
     *
     * @param key the key
     * @param value the value, never null
     * @param ttl how long the entry lives; must be positive
     * @return true when this call stored the value, false when the key was already present
     */
    boolean add(String key, Object value, Duration ttl);

    /**
     * Tells whether a key is present (falsy values included).
     *
     * @param key the key
     * @return true when present and not expired
     */
    boolean has(String key);

    /**
     * Removes a key.
     *
     * @param key the key
     * @return true when a value was removed
     */
    boolean delete(String key);

    /**
     * Adds {@code delta} to the number stored under {@code key}, starting from 0 when absent.
     *
     * @param key the key
     * @param delta the amount to add (may be negative)
     * @param ttl the time to live given to a new entry; an existing entry keeps its expiry
     * @return the new value
     */
    long incr(String key, long delta, Duration ttl);

    /**
     * Returns the cached value, or loads, stores and returns it when absent. Concurrent callers of the
     * same absent key on one node run the loader once.
     *
     * @param key the key
     * @param ttl how long a loaded entry lives
     * @param loader computes the value; must not return null
     * @param <T> the value's type
     * @return the cached or loaded value
     */
    <T> T remember(String key, Duration ttl, Supplier<T> loader);

    /** @return a cache in this process's memory, of at most 100,000 entries (least recently used go first) */
    static Cache local() {
        return new io.kalisocket.internal.cache.LocalCache();
    }

    /**
     * @param maximumSize the most entries kept; must be positive
     * @return a cache in this process's memory, of at most that many entries (least recently used go first)
     */
    static Cache local(long maximumSize) {
        return new io.kalisocket.internal.cache.LocalCache(maximumSize);
    }
}
