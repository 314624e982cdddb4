package io.kalisocket.internal.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link LocalCache} stores under a key: the value and the time to live it was given.
 *
 * <p>The value is wrapped (rather than stored as is) so that the per-entry expiry can read its own
 * time to live, and so that a stored {@code false}, {@code 0} or {@code ""} is an ordinary non-null
 * entry: a hit.
 *
 * @param value the caller's value, never null
 * @param ttlNanos the time to live given when the value was written
 * @param keepsExpiry true when this write must not move the entry's expiry ({@code incr} on a present key)
 */
record CacheEntry(Object value, long ttlNanos, boolean keepsExpiry) {

    CacheEntry {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh entry that lives {@code ttl} from now. */
    static CacheEntry of(Object value, Duration ttl) {
        return new CacheEntry(value, nanos(ttl), false);
    }

    /** The same entry with a new value and its expiry left where it is. */
    CacheEntry withValueKeepingExpiry(Object newValue) {
        return new CacheEntry(newValue, ttlNanos, true);
    }

    /** Checks a time to live and converts it; Caffeine works in nanoseconds. */
    static long nanos(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        return saturatedNanos(ttl);
    }

    private static long saturatedNanos(Duration ttl) {
        try {
            return ttl.toNanos();
        } catch (ArithmeticException tooLong) {
            // Longer than ~292 years: the same as forever for a cache.
            return Long.MAX_VALUE;
        }
    }
}
