package io.kalisocket.internal.cache;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Per-entry expiry for {@link LocalCache}: each entry lives the time to live it was written with.
 * A read never extends it (time to live, not time to idle), and an {@code incr} of a present key
 * keeps the expiry the entry already had, as Redis's {@code INCRBY} does.
 */
final class EntryExpiry implements Expiry<String, CacheEntry> {

    @Override
    public long expireAfterCreate(String key, CacheEntry entry, long currentTime) {
        return entry.ttlNanos();
    }

    @Override
    public long expireAfterUpdate(String key, CacheEntry entry, long currentTime, long currentDuration) {
        return entry.keepsExpiry() ? currentDuration : entry.ttlNanos();
    }

    @Override
    public long expireAfterRead(String key, CacheEntry entry, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
