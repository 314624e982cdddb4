package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.cache.Cache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link RedisCache} against real Redis: the {@link Cache} contract, shared by two "nodes". */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class RedisCacheTest {

    @Parameter
    RedisKind kind;

    private RedisLink linkA;
    private RedisLink linkB;
    private Cache nodeA;
    private Cache nodeB;

    @BeforeEach
    void connect(RedisTargets.Targets redis) {
        ClusterConfig config = ClusterConfig.of(redis.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix());
        Keys keys = Keys.of(config);
        linkA = new RedisLink(config, () -> { });
        linkB = new RedisLink(config, () -> { });
        nodeA = new RedisCache(linkA, keys, KaliServer.defaultMapper());
        nodeB = new RedisCache(linkB, keys, KaliServer.defaultMapper());
    }

    @AfterEach
    void close() {
        if (linkA != null) {
            linkA.close();
            linkB.close();
        }
    }

    @Test
    void add_exactlyOneOfManyConcurrentCallersOnTwoNodesWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Future<?>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Cache cache = i % 2 == 0 ? nodeA : nodeB;
            calls.add(pool.submit(() -> {
                go.await();
                if (cache.add("receipt", true, Duration.ofSeconds(5))) {
                    wins.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        assertThat(wins).hasValue(1);
        assertThat(nodeB.has("receipt")).isTrue();
    }

    @Test
    void set_get_valuesComeBackAsJsonTypes_andFalsyValuesAreHits() {
        nodeA.set("map", Map.of("a", 1, "b", List.of("x", true)), Duration.ofSeconds(5));
        nodeA.set("zero", 0, Duration.ofSeconds(5));
        nodeA.set("no", false, Duration.ofSeconds(5));
        assertThat(nodeB.get("map")).contains(Map.of("a", 1, "b", List.of("x", true)));
        assertThat(nodeB.get("zero")).contains(0);
        assertThat(nodeB.get("no")).contains(false);
        assertThat(nodeB.get("absent")).isEmpty();
    }

    @Test
    void ttl_entriesExpire() {
        nodeA.set("short", "v", Duration.ofMillis(150));
        await().atMost(Duration.ofSeconds(5)).until(() -> !nodeB.has("short"));
        assertThat(nodeB.get("short")).isEmpty();
        assertThat(nodeB.add("short", "w", Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void incr_startsAtZero_sharedAcrossNodes_andKeepsItsExpiry() {
        assertThat(nodeA.incr("n", 2, Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(nodeB.incr("n", -5, Duration.ofMillis(1))).isEqualTo(-3);
        assertThat(nodeA.get("n")).contains(-3);
    }

    @Test
    void delete_removesOnce() {
        nodeA.set("k", "v", Duration.ofSeconds(5));
        assertThat(nodeB.delete("k")).isTrue();
        assertThat(nodeB.delete("k")).isFalse();
        assertThat(nodeA.has("k")).isFalse();
    }

    @Test
    void remember_loadsOnceThenEveryNodeReadsTheStoredValue() {
        AtomicInteger loads = new AtomicInteger();
        assertThat(nodeA.<Object>remember("r", Duration.ofSeconds(5), () -> {
            loads.incrementAndGet();
            return "loaded";
        })).isEqualTo("loaded");
        assertThat(nodeB.<Object>remember("r", Duration.ofSeconds(5), () -> {
            loads.incrementAndGet();
            return "again";
        })).isEqualTo("loaded");
        assertThat(loads).hasValue(1);
    }
}
