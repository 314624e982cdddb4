package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user the sender's near cache knows on one node closes there and comes back on another: the route change
 * reaches the sender's cache at once (a notice per bind/unbind), so the user is reached on its new node without
 * waiting for the cache's TTL (an hour here).
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class NearCacheMoveTest {

    @Parameter
    RedisKind kind;

    @Test
    void aUserWhoMovesNode_isStillReached(RedisTargets.Targets redis) {
        ClusterConfig config = ClusterConfig.of(redis.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix())
                .withNearCacheTtl(Duration.ofHours(1));
        try (Nodes nodes = new Nodes(config)) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            Nodes.Node c = nodes.start("c");
            TestClient onB = nodes.connect(b);
            b.gateway().bindUid(nodes.id(onB), "ann");
            await().until(() -> a.gateway().isUidOnline("ann"));
            assertThat(a.gateway().sendToUid("ann", "on-b")).isEqualTo(1);
            onB.awaitText("on-b");

            onB.close();
            TestClient onC = nodes.connect(c);
            String newId = nodes.id(onC);
            c.gateway().bindUid(newId, "ann");
            await().until(() -> c.gateway().getClientIdByUid("ann").equals(List.of(newId)));

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                a.gateway().sendToUid("ann", "on-c");
                return onC.received().contains("on-c");
            });
            assertThat(a.gateway().sendToUid("ann", "again")).isEqualTo(1);
            onC.awaitText("again");
        }
    }
}
