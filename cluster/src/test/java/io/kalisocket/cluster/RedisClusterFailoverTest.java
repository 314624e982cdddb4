package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis Cluster primary is killed — the one serving the application's keys, or one serving only a node's channel
 * (node channels are in slots of their own): its replica is promoted and the nodes follow ({@link FailoverCheck}).
 * Each uses a Redis Cluster of its own, since it kills a node.
 */
class RedisClusterFailoverTest {

    private static final Logger log = LoggerFactory.getLogger(RedisClusterFailoverTest.class);

    @Test
    void aPrimaryKilled_itsReplicaTakesOver_andCrossNodeSendsResume() throws Exception {
        try (LocalRedisCluster redis = LocalRedisCluster.start(Duration.ofSeconds(1))) {
            ClusterConfig config = ClusterConfig.of(redis.uri()).withKeyPrefix(RedisForTests.freshPrefix());
            int primary = redis.primaryOf(Keys.of(config).nodes());
            long ms = FailoverCheck.run(config, () -> redis.kill(primary), Duration.ofSeconds(30));
            log.info("Redis Cluster primary {} killed: cross-node routing restored after {} ms", primary, ms);
        }
    }

    @Test
    void thePrimaryOfANodesChannelKilled_itsReplicaTakesOver_andTheNodeIsReachedAgain() throws Exception {
        try (LocalRedisCluster redis = LocalRedisCluster.start(Duration.ofSeconds(1))) {
            ClusterConfig config = ClusterConfig.of(redis.uri()).withKeyPrefix(RedisForTests.freshPrefix());
            Keys keys = Keys.of(config);
            int keysPrimary = redis.primaryOf(keys.nodes());
            // FailoverCheck's nodes are a and b: their channels' slots are on two different primaries of three
            int primary = redis.primaryOf(keys.channel("b"));
            if (primary == keysPrimary) {
                primary = redis.primaryOf(keys.channel("a"));
            }
            int channelPrimary = primary;
            assertThat(channelPrimary).as("a primary serving a node's channel, not the keys").isNotEqualTo(keysPrimary);
            long ms = FailoverCheck.run(config, () -> redis.kill(channelPrimary), Duration.ofSeconds(30));
            log.info("Redis Cluster primary {} (a node's channel) killed: cross-node routing restored after {} ms",
                    channelPrimary, ms);
        }
    }
}
