package io.kalisocket.internal.cache;

import io.kalisocket.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link Cache} of one node, on Caffeine: bounded in size, each entry with its own time to live.
 *
 * <p>When full, Caffeine evicts the entries least likely to be used again (W-TinyLFU), so the cache
 * never grows without bound. Expired entries are never returned, whether or not they were cleaned up yet.
 * Cache maintenance runs on the calling threads: the cache starts no thread of its own.
 */
public final class LocalCache implements Cache {

    /** The maximum number of entries when none is given: 100,000. */
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private final com.github.benmanes.caffeine.cache.Cache<String, CacheEntry> entries;

    /** A cache of at most {@link #DEFAULT_MAXIMUM_SIZE} entries on the system clock. */
    public LocalCache() {
        this(DEFAULT_MAXIMUM_SIZE);
    }

    /**
     * A cache on the system clock.
     *
     * @param maximumSize the most entries kept; must be positive
     */
    public LocalCache(long maximumSize) {
        this(maximumSize, Ticker.systemTicker());
    }

    /**
     * A cache on a given clock; tests pass a fake ticker so that time moves only when they say.
     *
     * @param maximumSize the most entries kept; must be positive
     * @param ticker the clock that expiry is measured on
     */
    public LocalCache(long maximumSize, Ticker ticker) {
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new EntryExpiry())
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<Object> get(String key) {
        CacheEntry entry = entries.getIfPresent(Objects.requireNonNull(key, "key"));
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    @Override
    public void set(String key, Object value, Duration ttl) {
        entries.put(Objects.requireNonNull(key, "key"), CacheEntry.of(value, ttl));
    }

    @Override
    public boolean add(String key, Object value, Duration ttl) {
        CacheEntry entry = CacheEntry.of(value, ttl);
        // ConcurrentMap.putIfAbsent is atomic; Caffeine treats an expired entry as absent here.
        return entries.asMap().putIfAbsent(Objects.requireNonNull(key, "key"), entry) == null;
    }

    @Override
    public boolean has(String key) {
        return entries.getIfPresent(Objects.requireNonNull(key, "key")) != null;
    }

    @Override
    public boolean delete(String key) {
        return entries.asMap().remove(Objects.requireNonNull(key, "key")) != null;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the present value is neither a whole number nor a string of one
     */
    @Override
    public long incr(String key, long delta, Duration ttl) {
        long ttlNanos = CacheEntry.nanos(ttl);
        CacheEntry updated = entries.asMap().compute(Objects.requireNonNull(key, "key"), (k, old) -> old == null
                ? new CacheEntry(delta, ttlNanos, false)
                : old.withValueKeepingExpiry(Math.addExact(wholeNumber(k, old.value()), delta)));
        return (Long) updated.value();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T remember(String key, Duration ttl, Supplier<T> loader) {
        long ttlNanos = CacheEntry.nanos(ttl);
        Objects.requireNonNull(loader, "loader");
        // Cache.get runs the loader at most once per absent key, however many callers wait on it.
        CacheEntry entry = entries.get(Objects.requireNonNull(key, "key"), k -> new CacheEntry(
                Objects.requireNonNull(loader.get(), () -> "loader returned null for key " + k), ttlNanos, false));
        return (T) entry.value();
    }

    /**
     * The number of entries, approximately: expired entries not yet cleaned up may still be counted.
     *
     * @return the approximate number of entries
     */
    public long estimatedSize() {
        return entries.estimatedSize();
    }

    /** Runs pending maintenance (evictions, expiry) now; for tests and metrics. */
    void cleanUp() {
        entries.cleanUp();
    }

    private static long wholeNumber(String key, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                // fall through to the common error below
            }
        }
        throw new IllegalStateException("value of key " + key + " is not a whole number: " + value.getClass().getName());
    }
}
