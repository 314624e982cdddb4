package io.kalisocket.internal.cache;

import static io.kalisocket.internal.cache.CacheAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LocalCache} as a specification: one section per method of {@link Cache}; time is the server's clock, a
 * fake one here ({@link FakeClock}), read as Caffeine's ticker.
 */
class LocalCacheTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();
    private final LocalCache cache = new LocalCache(1_000, clock::nanoTime);

    static List<Object> falsyValues() {
        return List.of(false, 0, 0L, "", List.of(), 0.0);
    }

    /* ---------------- get ---------------- */

    @Test
    void get_absent() {
        assertThat(cache).doesNotContainKey("k");
    }

    @ParameterizedTest
    @MethodSource("falsyValues")
    void get_falsyValueIsAHit(Object falsy) {
        cache.set("k", falsy, TTL);
        assertThat(cache).containsEntry("k", falsy);
    }

    @Test
    void get_expired() {
        cache.set("k", "v", TTL);
        clock.advance(TTL);
        assertThat(cache).doesNotContainKey("k");
    }

    @Test
    void get_justBeforeExpiry() {
        cache.set("k", "v", TTL);
        clock.advance(TTL.minusNanos(1));
        assertThat(cache).containsEntry("k", "v");
    }

    @Test
    void get_doesNotExtendTtl() {
        cache.set("k", "v", TTL);
        clock.advance(TTL.dividedBy(2));
        assertThat(cache.get("k")).contains("v");
        clock.advance(TTL.dividedBy(2));
        assertThat(cache).doesNotContainKey("k");
    }

    /* ---------------- set ---------------- */

    @Test
    void set_replacesValueAndTtl() {
        cache.set("k", "old", Duration.ofSeconds(1));
        cache.set("k", "new", TTL);
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache).containsEntry("k", "new");
    }

    @Test
    void set_nonPositiveTtl() {
        assertThatThrownBy(() -> cache.set("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.set("k", "v", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void set_nullValue() {
        assertThatThrownBy(() -> cache.set("k", null, TTL)).isInstanceOf(NullPointerException.class);
    }

    /* ---------------- add ---------------- */

    @Test
    void add_absent() {
        assertThat(cache.add("k", "first", TTL)).isTrue();
        assertThat(cache).containsEntry("k", "first");
    }

    @Test
    void add_present_keepsFirstValue() {
        cache.add("k", "first", TTL);
        assertThat(cache.add("k", "second", TTL)).isFalse();
        assertThat(cache).containsEntry("k", "first");
    }

    @ParameterizedTest
    @MethodSource("falsyValues")
    void add_presentFalsyValue(Object falsy) {
        cache.set("k", falsy, TTL);
        assertThat(cache.add("k", "second", TTL)).isFalse();
    }

    @Test
    void add_expired() {
        cache.add("k", "first", TTL);
        clock.advance(TTL);
        assertThat(cache.add("k", "second", TTL)).isTrue();
        assertThat(cache).containsEntry("k", "second");
    }

    @Test
    void add_concurrent_exactlyOneWinner() throws Exception {
        for (int round = 0; round < 50; round++) {
            String key = "msg-" + round;
            List<Boolean> results = Concurrently.run(16, caller -> cache.add(key, caller, TTL));
            assertThat(results).as("winners of %s", key).containsOnlyOnce(true);
            int winner = results.indexOf(true);
            assertThat(cache).containsEntry(key, winner);
        }
    }

    /* ---------------- has ---------------- */

    @Test
    void has_presentAbsentExpired() {
        cache.set("k", 0, TTL);
        assertThat(cache.has("k")).isTrue();
        assertThat(cache.has("other")).isFalse();
        clock.advance(TTL);
        assertThat(cache.has("k")).isFalse();
    }

    /* ---------------- delete ---------------- */

    @Test
    void delete_present() {
        cache.set("k", false, TTL);
        assertThat(cache.delete("k")).isTrue();
        assertThat(cache).doesNotContainKey("k");
    }

    @Test
    void delete_absent() {
        assertThat(cache.delete("k")).isFalse();
    }

    /* ---------------- incr ---------------- */

    @Test
    void incr_absent_startsFromZero() {
        assertThat(cache.incr("n", 5, TTL)).isEqualTo(5);
        assertThat(cache).containsEntry("n", 5L);
    }

    @Test
    void incr_present_addsDelta() {
        cache.incr("n", 5, TTL);
        assertThat(cache.incr("n", -7, TTL)).isEqualTo(-2);
    }

    @Test
    void incr_present_keepsExpiry() {
        cache.incr("n", 1, TTL);
        clock.advance(TTL.minusSeconds(1));
        cache.incr("n", 1, Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache).doesNotContainKey("n");
    }

    @Test
    void incr_expired_startsAgain() {
        cache.incr("n", 3, TTL);
        clock.advance(TTL);
        assertThat(cache.incr("n", 1, TTL)).isEqualTo(1);
    }

    @Test
    void incr_numericValuesSetBefore() {
        cache.set("i", 41, TTL);
        cache.set("s", "9", TTL);
        assertThat(cache.incr("i", 1, TTL)).isEqualTo(42);
        assertThat(cache.incr("s", 1, TTL)).isEqualTo(10);
    }

    @Test
    void incr_notAWholeNumber() {
        cache.set("k", "abc", TTL);
        assertThatThrownBy(() -> cache.incr("k", 1, TTL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a whole number");
        assertThat(cache).containsEntry("k", "abc");
    }

    @Test
    void incr_concurrent_noLostUpdates() throws Exception {
        Concurrently.run(16, caller -> cache.incr("n", 1, TTL));
        assertThat(cache.get("n")).contains(16L);
    }

    /* ---------------- remember ---------------- */

    @Test
    void remember_absent_loadsAndStores() {
        assertThat(cache.remember("k", TTL, () -> "loaded")).isEqualTo("loaded");
        assertThat(cache).containsEntry("k", "loaded");
    }

    @ParameterizedTest
    @MethodSource("falsyValues")
    void remember_falsyValueIsNotLoadedAgain(Object falsy) {
        AtomicInteger loads = new AtomicInteger();
        cache.remember("k", TTL, () -> { loads.incrementAndGet(); return falsy; });
        assertThat(cache.<Object>remember("k", TTL, () -> { loads.incrementAndGet(); return "again"; }))
                .isEqualTo(falsy);
        assertThat(loads).hasValue(1);
    }

    @Test
    void remember_expired_loadsAgain() {
        cache.remember("k", TTL, () -> "first");
        clock.advance(TTL);
        assertThat(cache.remember("k", TTL, () -> "second")).isEqualTo("second");
    }

    @Test
    void remember_concurrent_loaderRunsOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        List<String> results = Concurrently.run(16, caller -> cache.remember("k", TTL, () -> {
            loads.incrementAndGet();
            return "value-" + caller;
        }));
        assertThat(loads).hasValue(1);
        assertThat(results).containsOnly(results.get(0));
    }

    @Test
    void remember_loaderFails_nothingStored() {
        assertThatThrownBy(() -> cache.remember("k", TTL, () -> { throw new IllegalStateException("boom"); }))
                .hasMessage("boom");
        assertThat(cache).doesNotContainKey("k");
    }

    @Test
    void remember_loaderReturnsNull() {
        assertThatThrownBy(() -> cache.remember("k", TTL, () -> null)).isInstanceOf(NullPointerException.class);
        assertThat(cache).doesNotContainKey("k");
    }

    /* ---------------- maximumSize ---------------- */

    @Test
    void maximumSize_bounded() {
        LocalCache small = new LocalCache(10, clock::nanoTime);
        for (int i = 0; i < 1_000; i++) {
            small.set("k" + i, i, TTL);
        }
        small.cleanUp();
        assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void maximumSize_default() {
        assertThat(LocalCache.DEFAULT_MAXIMUM_SIZE).isEqualTo(100_000);
        assertThatThrownBy(() -> new LocalCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
