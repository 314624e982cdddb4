package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections appear in and vanish from every node's cluster-wide view through core's open/close hook, not a
 * poll: with the reconcile tick an hour away, only the hook can have written them.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class ConnectionSyncTest {

    @Parameter
    RedisKind kind;

    private Nodes nodes;
    private Nodes.Node a;
    private Nodes.Node b;

    @BeforeEach
    void startTwoNodes(RedisTargets.Targets redis) {
        nodes = new Nodes(ClusterConfig.of(redis.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix())
                .withReconcileInterval(Duration.ofHours(1)));
        a = nodes.start("a");
        b = nodes.start("b");
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private void awaitBoth(Predicate<Gateway> condition) {
        await().atMost(Duration.ofSeconds(15)).until(() -> condition.test(a.gateway()) && condition.test(b.gateway()));
    }

    @Test
    void aConnectionThatOpens_isInEveryNodesCountsAndLists() {
        TestClient ann = nodes.connect(a);
        String annId = nodes.id(ann);

        awaitBoth(g -> g.getAllClientIdList().equals(List.of(annId)));
        assertThat(b.gateway().getAllClientIdCount()).isEqualTo(1);
        assertThat(b.gateway().isOnline(annId)).isTrue();
    }

    @Test
    void aConnectionThatCloses_vanishesWithItsUidAndGroups_fromEveryNode() {
        TestClient ann = nodes.connect(a);
        TestClient bob = nodes.connect(b);
        String annId = nodes.id(ann);
        String bobId = nodes.id(bob);
        ann.send("{\"ct\":\"probe\",\"ac\":\"login\",\"uid\":\"ann\"}");
        ann.send("{\"ct\":\"probe\",\"ac\":\"join\",\"group\":\"room\"}");
        bob.send("{\"ct\":\"probe\",\"ac\":\"join\",\"group\":\"room\"}");
        awaitBoth(g -> g.getClientIdCountByGroup("room") == 2 && g.isUidOnline("ann"));

        ann.close();

        awaitBoth(g -> g.getAllClientIdList().equals(List.of(bobId)));
        assertThat(b.gateway().isOnline(annId)).isFalse();
        assertThat(b.gateway().isUidOnline("ann")).isFalse();
        assertThat(b.gateway().getAllUidList()).isEmpty();
        assertThat(b.gateway().getClientIdListByGroup("room")).containsExactly(bobId);
        assertThat(a.gateway().sendToGroup("room", "still here")).isEqualTo(1);
        bob.awaitText("still here");
    }
}
