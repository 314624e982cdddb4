package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.testing.TestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link OwnerRequests}: a membership change of another node's connection is made by that node, the connection's one
 * writer (docs/CLUSTER.md, "Membership writes"), and the call returns once it is written there.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class OwnerRequestsTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(300);

    @Parameter
    RedisKind kind;

    private Nodes nodes;
    private Keys keys;
    private RedisView redis;

    @BeforeEach
    void start(RedisTargets.Targets targets) {
        String uri = targets.uri(kind);
        ClusterConfig config = new ClusterConfig(URI.create(uri), RedisForTests.freshPrefix(), Duration.ofSeconds(15),
                COMMAND_TIMEOUT, Duration.ofSeconds(5), Duration.ofSeconds(5));
        nodes = new Nodes(config);
        keys = Keys.of(config);
        redis = new RedisView(uri);
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (redis != null) {
            redis.sync().del(keys.alive("z"));
            redis.sync().del(keys.client("z-0-1"));
            redis.close();
        }
    }

    @Test
    void aChangeAskedOnAnotherNode_isInTheHoldingNodesMemoryAndInRedis_whenTheCallReturns() {
        Nodes.Node a = nodes.start("a");
        Nodes.Node b = nodes.start("b");
        TestClient onB = nodes.connect(b);
        String id = nodes.id(onB);

        a.gateway().bindUid(id, "carol");
        assertThat(b.server().gateway().getUidByClientId(id)).as("node b's memory").contains("carol");
        assertThat(redis.sync().hexists(keys.uid("carol"), id)).as("Redis").isTrue();
        assertThat(a.gateway().sendToUid("carol", "hi")).isEqualTo(1);
        onB.awaitText("hi");

        a.gateway().joinGroup(id, "r");
        assertThat(b.server().gateway().getClientIdListByGroup("r")).containsExactly(id);
        a.gateway().setSession(id, Map.of("k", 1));
        assertThat(b.server().gateway().getSession(id)).contains(Map.of("k", 1));
        assertThat(a.gateway().getSession(id)).contains(Map.of("k", 1));
        a.gateway().leaveGroup(id, "r");
        assertThat(a.gateway().getClientIdCountByGroup("r")).isZero();
    }

    @Test
    void aChangeOfAConnectionNoNodeHolds_changesNothing() {
        Nodes.Node a = nodes.start("a");
        a.gateway().bindUid("gone-0-1", "dave");
        assertThat(a.gateway().getClientIdByUid("dave")).isEmpty();
    }

    @Test
    void aChangeAskedOfANodeThatDoesNotAnswer_failsWithClusterUnavailable_sayingWhichNode() {
        Nodes.Node a = nodes.start("a");
        // node z looks alive and holds z-0-1, but nobody listens on its channel
        redis.sync().set(keys.alive("z"), "1");
        redis.sync().hset(keys.client("z-0-1"), "n", "z");

        assertThatThrownBy(() -> a.gateway().bindUid("z-0-1", "erin"))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("node z")
                .hasMessageContaining("did not answer");
        assertThat(a.gateway().getClientIdByUid("erin")).isEmpty();
    }
}
