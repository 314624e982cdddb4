package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A node process killed abruptly (SIGKILL: no goodbye): its connections vanish from every count and list of
 * the survivors within the node TTL, cleaned up by a survivor, and the survivors keep working.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class NodeKillTest {

    @Parameter
    RedisKind kind;

    private static final Duration TTL = Duration.ofSeconds(3);

    @Test
    void killedNode_itsClientsVanishWithinTheTtl_andSurvivorsKeepWorking(RedisTargets.Targets redis) throws Exception {
        String uri = redis.uri(kind);
        String prefix = RedisForTests.freshPrefix();
        try (Nodes nodes = new Nodes(ClusterConfig.of(uri).withKeyPrefix(prefix).withNodeTtl(TTL))) {
            Nodes.Node survivor = nodes.start("s");
            TestClient stays = nodes.connect(survivor);
            survivor.gateway().joinGroup(nodes.id(stays), "mixed");
            NodeProcess.Started doomed = NodeProcess.start(uri, prefix, "k", Long.toString(TTL.toMillis()));
            List<TestClient> onDoomed = new ArrayList<>();
            List<String> doomedIds = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    TestClient client = TestClient.connect(doomed.port());
                    onDoomed.add(client);
                    doomedIds.add(client.call("probe", "login", "uid", "k" + i).path("data").asText());
                    client.call("probe", "join", "group", "mixed");
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> survivor.gateway().getAllClientIdCount() == 5);
                assertThat(survivor.gateway().getClientIdCountByGroup("mixed")).isEqualTo(5);
                assertThat(survivor.gateway().getAllUidList()).containsExactly("k0", "k1", "k2", "k3");

                long killedAt = System.nanoTime();
                doomed.process().destroyForcibly().waitFor();
                await().atMost(TTL.plusSeconds(10)).until(() -> survivor.gateway().getAllClientIdCount() == 1);
                long vanishedMs = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.printf("killed node's clients vanished after %d ms (node TTL %d ms)%n", vanishedMs,
                        TTL.toMillis());

                assertThat(survivor.gateway().getAllClientIdList()).containsExactly(nodes.id(stays));
                assertThat(survivor.gateway().getClientIdListByGroup("mixed")).containsExactly(nodes.id(stays));
                assertThat(survivor.gateway().getAllUidList()).isEmpty();
                assertThat(survivor.gateway().isOnline(doomedIds.get(0))).isFalse();
                assertThat(survivor.gateway().stats().purgedNodes()).isEqualTo(1);
                assertThat(survivor.gateway().sendToGroup("mixed", "still here")).isEqualTo(1);
                stays.awaitText("still here");
            } finally {
                onDoomed.forEach(TestClient::close);
                doomed.process().destroyForcibly();
            }
        }
    }
}
