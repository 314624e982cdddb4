package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.RunningServer;
import io.kalisocket.testing.TestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a Redis Cluster, what belongs to one node or one connection alone is in a slot of its own, not in the slot of
 * the application's membership, so the per-message work spreads over the primaries (docs/CLUSTER.md, "Redis
 * Cluster"): each node's channel ({@code ks:ch:{<node>}}) — the deliveries to a node are published on the primary
 * serving it and nowhere else — and list ({@code ks:n:{<node>}}), each recoverable connection's stream
 * ({@code ks:rs:{<client>}}), each connection's record and session ({@code ks:c:{<client>}}, {@code ks:s:{<client>}}),
 * each user's hash ({@code ks:uid:{<uid>}}) and each group's ({@code ks:group:{<g>}}).
 */
@ExtendWith(RedisTargets.class)
class OwnSlotsTest {

    private static final int MESSAGES = 20;
    private static final int CONNECTIONS = 30;

    @Test
    void eachNodesChannel_isOnThePrimaryServingItsOwnSlot_andItsDeliveriesArePublishedThereOnly(
            RedisTargets.Targets redis) {
        LocalRedisCluster cluster = redis.cluster();
        ClusterConfig config = ClusterConfig.of(cluster.uri()).withKeyPrefix(RedisForTests.freshPrefix());
        Keys keys = Keys.of(config);
        int keysPrimary = cluster.primaryOf(keys.nodes());
        List<String> ids = twoNodesOnOtherPrimaries(cluster, keys, keysPrimary);
        String sender = ids.get(0);
        String receiver = ids.get(1);
        int senderPrimary = cluster.primaryOf(keys.channel(sender));
        int receiverPrimary = cluster.primaryOf(keys.channel(receiver));

        try (Nodes nodes = new Nodes(config)) {
            Nodes.Node from = nodes.start(sender);
            Nodes.Node to = nodes.start(receiver);
            for (String id : ids) {
                String channel = keys.channel(id);
                assertThat(cluster.cli(cluster.primaryOf(channel), "pubsub", "shardnumsub", channel))
                        .as("subscribers of %s on the primary serving it", channel).endsWith("1\n");
            }
            TestClient bob = nodes.connect(to);
            to.gateway().bindUid(nodes.id(bob), "bob");
            await().until(() -> from.gateway().isUidOnline("bob"));
            long onReceivers = spublishes(cluster, receiverPrimary);
            long onKeys = spublishes(cluster, keysPrimary);
            long onSenders = spublishes(cluster, senderPrimary);

            for (int i = 0; i < MESSAGES; i++) {
                assertThat(from.gateway().sendToUid("bob", "m" + i)).isEqualTo(1);
            }
            bob.awaitText("m" + (MESSAGES - 1));
            assertThat(spublishes(cluster, receiverPrimary) - onReceivers).as("on the receiver's channel's primary")
                    .isEqualTo(MESSAGES);
            assertThat(spublishes(cluster, keysPrimary) - onKeys).as("on the keys' primary").isZero();
            assertThat(spublishes(cluster, senderPrimary) - onSenders).as("on the sender's channel's primary").isZero();
        }
    }

    @Test
    void recoveryStreams_areEachInTheirConnectionsSlot_spreadOverThePrimaries(RedisTargets.Targets redis) {
        LocalRedisCluster cluster = redis.cluster();
        try (RecoveryNodes nodes = RecoveryNodes.onRedis(cluster.uri())) {
            RunningServer a = nodes.start("a");
            Keys keys = Keys.of(nodes.config());
            Set<Integer> primaries = new HashSet<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                TestClient client = nodes.open(a, "recover=1");
                String id = client.awaitJson(1).get(0).get("client_id").asText();
                a.gateway().sendToClient(id, "push " + i);
                int primary = cluster.primaryOf(keys.stream(id));
                await().until(() -> cluster.cli(primary, "xlen", keys.stream(id)), n -> !n.startsWith("0"));
                assertThat(cluster.cli(primary, "hget", keys.streamMeta(id), "node")).startsWith("a");
                primaries.add(primary);
            }
            assertThat(primaries).as("the primaries holding %d connections' streams", CONNECTIONS).hasSize(3);
        }
    }

    @Test
    void recordsSessionsUsersAndGroups_areEachInTheirOwnSlot_writtenFromAnyNode_andGoneWithTheirConnection(
            RedisTargets.Targets redis) {
        LocalRedisCluster cluster = redis.cluster();
        ClusterConfig config = ClusterConfig.of(cluster.uri()).withKeyPrefix(RedisForTests.freshPrefix());
        Keys keys = Keys.of(config);
        try (Nodes nodes = new Nodes(config)) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            Set<Integer> primaries = new HashSet<>();
            Set<Integer> userPrimaries = new HashSet<>();
            Set<Integer> groupPrimaries = new HashSet<>();
            Set<Integer> recordPrimaries = new HashSet<>();
            int listPrimary = cluster.primaryOf(keys.clients("b"));
            List<TestClient> clients = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                TestClient client = nodes.connect(b);
                String id = nodes.id(client);
                a.gateway().setSession(id, Map.of("n", i));
                a.gateway().bindUid(id, "user" + i);
                a.gateway().joinGroup(id, "room" + i);
                int recordPrimary = cluster.primaryOf(keys.client(id));
                assertThat(cluster.cli(recordPrimary, "hget", keys.client(id), "n")).as("held by b").startsWith("b");
                assertThat(cluster.cli(recordPrimary, "sismember", keys.clientGroups(id), "room" + i)).startsWith("1");
                assertThat(cluster.cli(listPrimary, "sismember", keys.clients("b"), id)).as("in b's list, b's slot")
                        .startsWith("1");
                recordPrimaries.add(recordPrimary);
                int groupPrimary = cluster.primaryOf(keys.group("room" + i));
                assertThat(cluster.cli(groupPrimary, "hget", keys.group("room" + i), id)).startsWith("b|");
                groupPrimaries.add(groupPrimary);
                int userPrimary = cluster.primaryOf(keys.uid("user" + i));
                assertThat(cluster.cli(userPrimary, "hget", keys.uid("user" + i), id)).startsWith("b|");
                userPrimaries.add(userPrimary);
                int primary = cluster.primaryOf(keys.session(id));
                assertThat(cluster.cli(primary, "hget", keys.session(id), "n")).as("written by node a").startsWith(
                        Integer.toString(i));
                assertThat(a.gateway().getSession(id)).contains(Map.of("n", i));
                primaries.add(primary);
                clients.add(client);
            }
            assertThat(primaries).as("the primaries holding %d connections' sessions", CONNECTIONS).hasSize(3);
            assertThat(recordPrimaries).as("the primaries holding %d connections' records", CONNECTIONS).hasSize(3);
            assertThat(userPrimaries).as("the primaries holding %d users' hashes", CONNECTIONS).hasSize(3);
            assertThat(groupPrimaries).as("the primaries holding %d groups' hashes", CONNECTIONS).hasSize(3);
            assertThat(a.gateway().sendToGroups(List.of("room1", "room2"), "to two rooms")).isEqualTo(2);
            clients.get(1).awaitText("to two rooms");
            clients.get(2).awaitText("to two rooms");
            assertThat(b.gateway().getClientIdByUid("user1")).containsExactly(nodes.id(clients.get(1)));
            assertThat(a.gateway().sendToUids(List.of("user1", "user2"), "to two users")).isEqualTo(2);
            clients.get(1).awaitText("to two users");
            clients.get(2).awaitText("to two users");

            String gone = nodes.id(clients.get(0));
            int primary = cluster.primaryOf(keys.session(gone));
            clients.get(0).close();
            await().until(() -> cluster.cli(primary, "exists", keys.session(gone)), n -> n.startsWith("0"));
            assertThat(cluster.cli(primary, "exists", keys.client(gone))).as("its record, with it").startsWith("0");
            await().until(() -> cluster.cli(listPrimary, "sismember", keys.clients("b"), gone), n -> n.startsWith("0"));
            assertThat(a.gateway().isUidOnline("user0")).as("its user, in its own slot").isFalse();
            assertThat(a.gateway().getAllUidList()).doesNotContain("user0").contains("user1");
            assertThat(a.gateway().getClientIdCountByGroup("room0")).as("its group, in its own slot").isZero();
            assertThat(a.gateway().getAllGroupIdList()).doesNotContain("room0").contains("room1");
            a.gateway().setSession(gone, Map.of("n", -1));
            assertThat(cluster.cli(primary, "exists", keys.session(gone))).as("not written for a closed connection")
                    .startsWith("0");
            assertThat(a.gateway().getSession(gone)).isEmpty();
        }
    }

    /** @return two node ids whose channels are served by two primaries other than the keys' one */
    private static List<String> twoNodesOnOtherPrimaries(LocalRedisCluster cluster, Keys keys, int keysPrimary) {
        List<String> ids = new ArrayList<>();
        List<Integer> primaries = new ArrayList<>(List.of(keysPrimary));
        for (int i = 0; ids.size() < 2 && i < 1000; i++) {
            String id = "n" + i;
            int primary = cluster.primaryOf(keys.channel(id));
            if (!primaries.contains(primary)) {
                primaries.add(primary);
                ids.add(id);
            }
        }
        assertThat(ids).as("node ids on two other primaries of three").hasSize(2);
        return ids;
    }

    private static long spublishes(LocalRedisCluster cluster, int port) {
        Matcher m = Pattern.compile("cmdstat_spublish:calls=(\\d+)").matcher(cluster.cli(port, "info", "commandstats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
