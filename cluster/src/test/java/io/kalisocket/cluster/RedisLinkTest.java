package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.testing.RequiredService;
import org.junit.jupiter.api.Test;

/**
 * How the link tells its callers what Redis answered: a Redis that cannot serve for now (a Redis Cluster failing
 * over, too few replicas for a write) is unavailable, as an unreachable one is, and the cluster thread retries
 * quietly; a command Redis refuses for what it is stays an error of the caller's.
 */
class RedisLinkTest {

    @Test
    void aRedisThatCannotServeForNow_isUnavailable_andACommandItRefuses_isTheCallersError() throws Exception {
        RequiredService.redisServer().require();
        try (RedisServerProcess redis = new RedisServerProcess();
                RedisView view = new RedisView(redis.uri());
                RedisLink link = new RedisLink(ClusterConfig.of(redis.uri()), () -> { })) {
            view.sync().set("text", "not a number");
            assertThatThrownBy(() -> link.await("count", link.async().incr("text")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cluster count: Redis refused: ERR value is not an integer");

            view.sync().configSet("min-replicas-to-write", "1");
            assertThatThrownBy(() -> link.await("heartbeat", link.async().set("beat", "1")))
                    .isInstanceOf(ClusterUnavailableException.class)
                    .hasMessage("cluster heartbeat failed: Redis at " + redis.uri().substring("redis://".length())
                            + " cannot serve it for now (NOREPLICAS Not enough good replicas to write.)");

            view.sync().configSet("min-replicas-to-write", "0");
            assertThat(link.await("heartbeat", link.async().set("beat", "1"))).isEqualTo("OK");
        }
    }

    @Test
    void theErrorsOfARedisThatCannotServeForNow_areKnownByTheirCode() {
        assertThat(RedisLink.cannotServeNow("CLUSTERDOWN The cluster is down")).isTrue();
        assertThat(RedisLink.cannotServeNow("TRYAGAIN Multiple keys request during rehashing of slot")).isTrue();
        assertThat(RedisLink.cannotServeNow("LOADING Redis is loading the dataset in memory")).isTrue();
        assertThat(RedisLink.cannotServeNow("READONLY You can't write against a read only replica.")).isTrue();
        assertThat(RedisLink.cannotServeNow("MASTERDOWN Link with MASTER is down")).isTrue();
        assertThat(RedisLink.cannotServeNow("WRONGTYPE Operation against a key holding the wrong kind of value"))
                .isFalse();
        assertThat(RedisLink.cannotServeNow("ERR unknown command")).isFalse();
        assertThat(RedisLink.cannotServeNow(null)).isFalse();
    }
}
