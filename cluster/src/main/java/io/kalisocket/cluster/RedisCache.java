package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.cache.Cache;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link Cache} in Redis, shared by every node: values are stored as JSON (read back as JSON types:
 * maps, lists, strings, numbers, booleans), each key under {@code <prefix>cache:} (in a slot of its own on a Redis
 * Cluster: the receipts' dedup window, one entry per message with a msgid, spreads over the primaries).
 * {@link #add} is one
 * {@code SET NX PX}, so of many callers on any number of nodes exactly one wins: the receipts' dedup window
 * works across nodes. Fails with {@link ClusterUnavailableException} while Redis is unreachable.
 */
public final class RedisCache implements Cache {

    private final RedisLink redis;
    private final Keys keys;
    private final ObjectMapper json;
    private final ConcurrentHashMap<String, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();

    RedisCache(RedisLink redis, Keys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public Optional<Object> get(String key) {
        String stored = redis.await("cache get", redis.async().get(keys.cache(key)));
        return stored == null ? Optional.empty() : Optional.of(decode(stored));
    }

    @Override
    public void set(String key, Object value, Duration ttl) {
        redis.await("cache set", redis.async().set(keys.cache(key), encode(value), SetArgs.Builder.px(millis(ttl))));
    }

    @Override
    public boolean add(String key, Object value, Duration ttl) {
        return "OK".equals(redis.await("cache add", redis.async().set(keys.cache(key), encode(value),
                SetArgs.Builder.nx().px(millis(ttl)))));
    }

    @Override
    public boolean has(String key) {
        return redis.await("cache has", redis.async().exists(keys.cache(key))) == 1L;
    }

    @Override
    public boolean delete(String key) {
        return redis.await("cache delete", redis.async().del(keys.cache(key))) == 1L;
    }

    @Override
    public long incr(String key, long delta, Duration ttl) {
        return redis.<Long>await("cache incr", redis.runOn(Script.INCR, ScriptOutputType.INTEGER,
                new String[] {keys.cache(key)}, Long.toString(delta), Long.toString(millis(ttl))));
    }

    /**
     * {@inheritDoc} A value loaded by another node comes back as JSON types, not as {@code T}'s class
     * unless that is a JSON type.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T remember(String key, Duration ttl, Supplier<T> loader) {
        Optional<Object> cached = get(key);
        if (cached.isPresent()) {
            return (T) cached.get();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return (T) running.join();
        }
        try {
            T value = Objects.requireNonNull(loader.get(), "loader returned null");
            set(key, value, ttl);
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private String encode(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be stored as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Object decode(String stored) {
        try {
            return json.readValue(stored, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cached value is not JSON", e);
        }
    }

    private static long millis(Duration ttl) {
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return Math.max(1, ttl.toMillis());
    }
}
