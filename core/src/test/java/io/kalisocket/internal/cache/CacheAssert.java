package io.kalisocket.internal.cache;

import io.kalisocket.cache.Cache;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/** Assertions that speak of keys and entries: {@code assertThat(cache).containsEntry("k", 0)}. */
final class CacheAssert extends AbstractAssert<CacheAssert, Cache> {

    private CacheAssert(Cache actual) {
        super(actual, CacheAssert.class);
    }

    static CacheAssert assertThat(Cache cache) {
        return new CacheAssert(cache);
    }

    /** The key is a hit with exactly this value, through both {@code get} and {@code has}. */
    CacheAssert containsEntry(String key, Object value) {
        isNotNull();
        Assertions.assertThat(actual.get(key)).as("get(%s)", key).contains(value);
        Assertions.assertThat(actual.has(key)).as("has(%s)", key).isTrue();
        return this;
    }

    /** The key is a miss, through both {@code get} and {@code has}. */
    CacheAssert doesNotContainKey(String key) {
        isNotNull();
        Assertions.assertThat(actual.get(key)).as("get(%s)", key).isEmpty();
        Assertions.assertThat(actual.has(key)).as("has(%s)", key).isFalse();
        return this;
    }
}
