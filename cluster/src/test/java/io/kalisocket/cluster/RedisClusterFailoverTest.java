package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
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
            Keys keys = Keys.of(config);
            int primary = redis.primaryOf(keys.nodes());
            long ms = FailoverCheck.run(config, () -> redis.kill(primary), Duration.ofSeconds(30),
                    () -> redis.describe(keys.channel("a"), keys.channel("b")));
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
            long ms = FailoverCheck.run(config, () -> redis.kill(channelPrimary), Duration.ofSeconds(30),
                    () -> redis.describe(keys.channel("a"), keys.channel("b")));
            log.info("Redis Cluster primary {} (a node's channel) killed: cross-node routing restored after {} ms",
                    channelPrimary, ms);
        }
    }

    /**
     * A write the promoted replica missed (replication is asynchronous) comes back: every node announces itself again
     * when any slot moves to another primary, not only its channel's, since each node's entries spread over all the
     * slots. Staged by deleting a user's entry on its primary (and on the replica, replicated), then killing that
     * primary, which serves neither the registry nor the channel of the node holding the user's connection.
     */
    @Test
    void aPrimaryServingAUsersSlotKilled_theNodeHoldingTheUserAnnouncesItAgain() throws Exception {
        try (LocalRedisCluster redis = LocalRedisCluster.start(Duration.ofSeconds(1))) {
            ClusterConfig config = ClusterConfig.of(redis.uri()).withKeyPrefix(RedisForTests.freshPrefix());
            int userPrimary = redis.primaryOf(Keys.of(config).uid("ann"));
            for (int tries = 0; redis.primaryOf(Keys.of(config).nodes()) == userPrimary && tries < 100; tries++) {
                config = config.withKeyPrefix(RedisForTests.freshPrefix()); // the registry elsewhere
            }
            Keys keys = Keys.of(config);
            assertThat(redis.primaryOf(keys.nodes())).as("the registry's primary").isNotEqualTo(userPrimary);
            assertThat(redis.primaryOf(keys.channel("a"))).as("node a's channel's primary").isNotEqualTo(userPrimary);
            try (Nodes nodes = new Nodes(config)) {
                Nodes.Node a = nodes.start("a");
                Nodes.Node b = nodes.start("b");
                TestClient ann = nodes.connect(a);
                a.gateway().bindUid(nodes.id(ann), "ann");
                await().atMost(Duration.ofSeconds(15)).until(() -> b.gateway().isUidOnline("ann"));
                long announced = a.gateway().stats().announcements();

                redis.cli(userPrimary, "del", keys.uid("ann"));
                redis.awaitReplicated(userPrimary);
                redis.kill(userPrimary);

                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> b.gateway().isUidOnline("ann"));
                assertThat(b.gateway().getClientIdByUid("ann")).containsExactly(nodes.id(ann));
                assertThat(a.gateway().stats().announcements()).isGreaterThan(announced);
            }
        }
    }
}
