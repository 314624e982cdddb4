package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redis killed and restarted empty while nodes are serving: meanwhile, what needs Redis fails at once with a
 * clear error and local sends still work; afterwards the nodes reconnect, re-announce their connections,
 * uids and groups, and routing works again by itself.
 *
 * <p>What is lost: the cross-node sends refused during the outage (the callers got the error; nothing was
 * half-sent) and any notice in flight at the moment Redis died. Membership is not lost: it is rebuilt from
 * the nodes' memory.
 */
class RedisRestartTest {

    @Test
    void redisRestart_failsFastMeanwhile_thenRoutingRecoversByItself() throws Exception {
        RequiredService.redisServer().require();
        try (RedisServerProcess redis = new RedisServerProcess();
                Nodes nodes = new Nodes(ClusterConfig.of(redis.uri()).withNodeTtl(Duration.ofSeconds(3)))) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            TestClient a1 = nodes.connect(a);
            TestClient b1 = nodes.connect(b);
            a.gateway().bindUid(nodes.id(a1), "ua");
            b.gateway().bindUid(nodes.id(b1), "ub");
            a.gateway().joinGroup(nodes.id(a1), "g");
            a.gateway().joinGroup(nodes.id(b1), "g");
            assertThat(a.gateway().sendToUid("ub", "before")).isEqualTo(1);
            b1.awaitText("before");

            redis.kill();
            assertThatThrownBy(() -> a.gateway().sendToUid("ub", "during"))
                    .isInstanceOf(ClusterUnavailableException.class).hasMessageContaining("unreachable");
            assertThatThrownBy(() -> b.gateway().joinGroup(nodes.id(b1), "h")).isInstanceOf(ClusterUnavailableException.class);
            assertThatThrownBy(() -> b.gateway().getAllClientIdCount()).isInstanceOf(ClusterUnavailableException.class);
            assertThat(a.gateway().sendToClient(nodes.id(a1), "local during")).as("local sends need no Redis").isEqualTo(1);
            a1.awaitText("local during");
            TestClient b2 = nodes.connect(b); // opened during the outage: registered once Redis is back

            redis.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> sent(a.gateway(), "ub", "after")
                    && b1.received().contains("after"));
            for (Gateway g : List.of(a.gateway(), b.gateway())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> g.getAllClientIdCount() == 3);
                assertThat(g.getAllClientIdList()).containsExactlyInAnyOrder(nodes.id(a1), nodes.id(b1), nodes.id(b2));
                assertThat(g.getClientIdListByGroup("g")).containsExactlyInAnyOrder(nodes.id(a1), nodes.id(b1));
                assertThat(g.getAllUidList()).containsExactly("ua", "ub");
            }
            assertThat(b.gateway().sendToGroup("g", "group after")).isEqualTo(2);
            a1.awaitText("group after");
            assertThat(b1.received()).as("a refused send is not delivered later").doesNotContain("during");
            assertThat(a.gateway().stats().announcements()).isGreaterThanOrEqualTo(2);
        }
    }

    private static boolean sent(Gateway gateway, String uid, String message) {
        try {
            return gateway.sendToUid(uid, message) == 1;
        } catch (ClusterUnavailableException e) {
            return false;
        }
    }
}
