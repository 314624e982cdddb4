package io.kalisocket.cluster;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis Cluster primary serving the application's slot is killed: its replica is promoted and the nodes follow
 * ({@link FailoverCheck}). Uses a Redis Cluster of its own, since it kills a node.
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
}
