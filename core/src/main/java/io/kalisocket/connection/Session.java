package io.kalisocket.connection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-connection data that lives as long as the connection: the {@code $_SESSION} of the PHP original.
 * Safe to use from any thread.
 */
public final class Session {

    /** Swapped whole by {@link #replace}, so a reader never sees a half-replaced session. */
    private volatile Map<String, Object> values = new ConcurrentHashMap<>(4);

    /**
     * @param key the key
     * @return the value, if set
     */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key the key
     * @param value the value; null removes the key
     */
    public void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    /** @param entries merged into the session; null values remove their keys */
    public void putAll(Map<String, ?> entries) {
        entries.forEach(this::put);
    }

    /** @param entries replace the whole session */
    public void replace(Map<String, ?> entries) {
        Map<String, Object> fresh = new ConcurrentHashMap<>(Math.max(4, entries.size() * 2));
        entries.forEach((k, v) -> {
            if (v != null) {
                fresh.put(k, v);
            }
        });
        values = fresh;
    }

    /** @return a copy of the session's entries */
    public Map<String, Object> snapshot() {
        return Map.copyOf(values);
    }
}
