package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code redis-sentinel://}: the nodes find the primary through the sentinels; it is killed, the sentinels promote
 * the replica and the nodes follow ({@link FailoverCheck}), re-announcing their state on reconnection.
 */
class SentinelFailoverTest {

    private static final Logger log = LoggerFactory.getLogger(SentinelFailoverTest.class);

    @Test
    void thePrimaryKilled_theSentinelsPromoteTheReplica_andTheNodesFollow() throws Exception {
        try (LocalSentinelSet redis = LocalSentinelSet.start()) {
            ClusterConfig config = ClusterConfig.of(redis.uri()).withKeyPrefix(RedisForTests.freshPrefix());
            long ms = FailoverCheck.run(config, redis::killPrimary, Duration.ofSeconds(45),
                    () -> "the sentinels' primary is on port " + redis.primaryPort());
            log.info("Sentinel primary killed: cross-node routing restored after {} ms", ms);
            assertThat(redis.primaryPort()).isEqualTo(redis.replicaPort());
        }
    }
}
