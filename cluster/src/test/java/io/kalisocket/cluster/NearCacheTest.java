package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The near cache of private-message routes: a steady conversation between two users on two nodes makes no Redis
 * lookup per message (Redis's own {@code INFO commandstats} counts the scripts), and a user who moves node is still
 * reached, at once, not after the cache's TTL (set to an hour here).
 */
class NearCacheTest {

    private static final Logger log = LoggerFactory.getLogger(NearCacheTest.class);

    private static final int MESSAGES = 200;

    @Test
    void aSteadyConversation_makesNoRedisLookupPerMessage_whileWithoutTheCacheEachMessageIsOne() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess()) {
            ClusterConfig config = ClusterConfig.of(redis.uri()).withNodeTtl(Duration.ofMinutes(1));
            long[] cached = conversation(redis, config.withKeyPrefix("near:"));
            long[] uncached = conversation(redis, config.withKeyPrefix("far:").withNearCacheTtl(Duration.ZERO));
            log.info("{} private messages a -> b: near cache {} scripts + {} publishes; without {} scripts + {} publishes",
                    MESSAGES, cached[0], cached[1], uncached[0], uncached[1]);

            assertThat(cached[0]).as("scripts run for %d messages with the near cache", MESSAGES).isLessThan(10);
            assertThat(cached[1]).as("publishes").isGreaterThanOrEqualTo(MESSAGES);
            assertThat(uncached[0]).as("scripts run for %d messages without it", MESSAGES)
                    .isGreaterThanOrEqualTo(MESSAGES);
        }
    }

    /** @return the scripts run and the notices published while a sends {@value #MESSAGES} messages to bob on b */
    private static long[] conversation(RedisServerProcess redis, ClusterConfig config) {
        try (Nodes nodes = new Nodes(config)) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            TestClient bob = nodes.connect(b);
            b.gateway().bindUid(nodes.id(bob), "bob");
            await().until(() -> a.gateway().isUidOnline("bob"));
            long scripts = calls(redis, "evalsha") + calls(redis, "eval");
            long publishes = calls(redis, "publish");
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(a.gateway().sendToUid("bob", "m" + i)).isEqualTo(1);
            }
            bob.awaitText("m" + (MESSAGES - 1));
            return new long[] {calls(redis, "evalsha") + calls(redis, "eval") - scripts,
                calls(redis, "publish") - publishes};
        }
    }

    private static long calls(RedisServerProcess redis, String command) {
        Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(redis.info("commandstats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
