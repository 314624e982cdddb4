package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.KillArgs;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A node owes Redis an announcement of its state after a reconnection (Redis may be a promoted replica that missed
 * its last writes), and pays it with the first heartbeat that can: a tick that Redis refuses — a Redis Cluster still
 * failing over answers CLUSTERDOWN; here a Redis refusing writes — leaves it owed, though Redis still holds the node's
 * heartbeat key and looks whole.
 */
class NodeLivenessTest {

    private static final Pattern SETS = Pattern.compile("cmdstat_set:calls=(\\d+)");
    private static final Pattern REJECTED_SETS = Pattern.compile("cmdstat_set:.*rejected_calls=(\\d+)");
    private static final Pattern CONNECTIONS = Pattern.compile("total_connections_received:(\\d+)");

    @Test
    void aReannouncementOwedAfterAReconnection_isMadeByTheFirstHeartbeatRedisTakes() throws Exception {
        RequiredService.redisServer().require();
        try (RedisServerProcess redis = new RedisServerProcess(); RedisView view = new RedisView(redis.uri())) {
            // a heartbeat every second, its key living 4 s: it outlives the refused ticks, so only the owed
            // announcement can write the user back
            ClusterConfig config = ClusterConfig.of(redis.uri()).withNodeTtl(Duration.ofSeconds(6));
            Keys keys = Keys.of(config);
            try (Nodes nodes = new Nodes(config)) {
                Nodes.Node a = nodes.start("a");
                TestClient ann = nodes.connect(a);
                a.gateway().bindUid(nodes.id(ann), "ann");
                long announced = a.gateway().stats().announcements();

                // right after a heartbeat renewed the node's key, so that it outlives what follows
                long sets = count(SETS, view.sync().info("commandstats"));
                await().atMost(Duration.ofSeconds(15)).until(() -> count(SETS, view.sync().info("commandstats")) > sets);
                view.sync().del(keys.uid("ann")); // as a promoted replica that missed the write would be
                view.sync().configSet("min-replicas-to-write", "1"); // every write refused (NOREPLICAS)
                long connections = count(CONNECTIONS, view.sync().info("stats"));
                long killed = view.sync().clientKill(KillArgs.Builder.typeNormal().skipme()); // the node's links
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> count(CONNECTIONS, view.sync().info("stats")) >= connections + killed);
                long refused = count(REJECTED_SETS, view.sync().info("commandstats"));
                // ticks run one after another: the second refused from here read what the reconnections owe (the
                // first may be a heartbeat a reconnection ran, or one Lettuce sent again on the new connection)
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> count(REJECTED_SETS, view.sync().info("commandstats")) >= refused + 2);
                view.sync().configSet("min-replicas-to-write", "0");

                await().atMost(Duration.ofSeconds(15)).until(() -> view.sync().exists(keys.uid("ann")) == 1L);
                assertThat(a.gateway().stats().announcements()).isGreaterThan(announced);
                assertThat(a.gateway().getClientIdByUid("ann")).containsExactly(nodes.id(ann));
            }
        }
    }

    /** @return the number the pattern's group finds in an INFO answer, 0 when absent */
    private static long count(Pattern pattern, String info) {
        Matcher m = pattern.matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : 0L;
    }
}
