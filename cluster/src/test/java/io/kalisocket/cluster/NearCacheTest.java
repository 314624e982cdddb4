package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The near cache of private-message routes: a steady conversation between two users on two nodes makes no Redis
 * lookup per message (Redis's own {@code INFO commandstats} counts the scripts: a private server's on one Redis, the
 * sum over every server of the run's Redis Cluster, where the publishes are {@code SPUBLISH}es).
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class NearCacheTest {

    private static final Logger log = LoggerFactory.getLogger(NearCacheTest.class);

    private static final int MESSAGES = 200;

    @Parameter
    RedisKind kind;

    @Test
    void aSteadyConversation_makesNoRedisLookupPerMessage_whileWithoutTheCacheEachMessageIsOne(
            RedisTargets.Targets targets) throws Exception {
        if (kind == RedisKind.SINGLE) {
            try (RedisServerProcess redis = new RedisServerProcess()) {
                compare(redis.uri(), "publish", command -> calls(redis.info("commandstats"), command));
            }
        } else {
            LocalRedisCluster cluster = targets.cluster();
            compare(cluster.uri(), "spublish", command -> cluster.live().stream()
                    .mapToLong(port -> calls(cluster.cli(port, "info", "commandstats"), command)).sum());
        }
    }

    private void compare(String uri, String publish, Function<String, Long> calls) {
        ClusterConfig config = ClusterConfig.of(uri).withNodeTtl(Duration.ofMinutes(1));
        long[] cached = conversation(config.withKeyPrefix(RedisForTests.freshPrefix()), publish, calls);
        long[] uncached = conversation(config.withKeyPrefix(RedisForTests.freshPrefix())
                .withNearCacheTtl(Duration.ZERO), publish, calls);
        log.info("{} private messages a -> b on {}: near cache {} scripts + {} publishes; without {} scripts + {} "
                + "publishes", MESSAGES, kind, cached[0], cached[1], uncached[0], uncached[1]);

        assertThat(cached[0]).as("scripts run for %d messages with the near cache", MESSAGES).isLessThan(10);
        assertThat(cached[1]).as("publishes").isGreaterThanOrEqualTo(MESSAGES);
        assertThat(uncached[0]).as("scripts run for %d messages without it", MESSAGES)
                .isGreaterThanOrEqualTo(MESSAGES);
    }

    /** @return the scripts run and the notices published while a sends {@value #MESSAGES} messages to bob on b */
    private static long[] conversation(ClusterConfig config, String publish, Function<String, Long> calls) {
        try (Nodes nodes = new Nodes(config)) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            TestClient bob = nodes.connect(b);
            b.gateway().bindUid(nodes.id(bob), "bob");
            await().until(() -> a.gateway().isUidOnline("bob"));
            long scripts = scripts(calls);
            long publishes = calls.apply(publish);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(a.gateway().sendToUid("bob", "m" + i)).isEqualTo(1);
            }
            bob.awaitText("m" + (MESSAGES - 1));
            return new long[] {scripts(calls) - scripts, calls.apply(publish) - publishes};
        }
    }

    private static long scripts(Function<String, Long> calls) {
        return List.of("evalsha", "eval").stream().mapToLong(calls::apply).sum();
    }

    private static long calls(String commandStats, String command) {
        Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(commandStats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
