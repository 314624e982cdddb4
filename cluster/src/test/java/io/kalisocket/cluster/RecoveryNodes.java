package io.kalisocket.cluster;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster nodes in this JVM with connection recovery and connect actions on (one {@link LobbyController} and one clock
 * for all), plus a Redis connection to look at the streams; everything is closed together.
 */
final class RecoveryNodes implements AutoCloseable {

    private final LobbyController lobby = new LobbyController();
    private final FakeClock clock = new FakeClock();
    private final ClusterConfig config;
    private final Map<String, String> settings;
    private final List<RunningServer> servers = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<TestClient> sockets = new ArrayList<>();
    private final String redisUri;
    private RedisView view;

    /** @param extra settings over the defaults (recovery on, a shared secret, connect actions with ct=lobby) */
    RecoveryNodes(String... extra) {
        this(RedisForTests.URI, extra);
    }

    /**
     * @param redisUri the Redis of the cluster, any kind
     * @param extra settings over the defaults
     * @return nodes on it
     */
    static RecoveryNodes onRedis(String redisUri, String... extra) {
        return new RecoveryNodes(redisUri, extra);
    }

    private RecoveryNodes(String redisUri, String[] extra) {
        this.redisUri = redisUri;
        this.config = ClusterConfig.of(redisUri).withKeyPrefix(RedisForTests.freshPrefix())
                .withNodeTtl(Duration.ofSeconds(3));
        this.settings = new HashMap<>(Map.of("server.port", "0", "server.worker-threads", "2",
                "limits.idle-timeout", "10m", "recovery.enabled", "true", "recovery.secret", "shared",
                "connect-actions.enabled", "true", "connect-actions.connect-controller", "lobby"));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
    }

    /** @param nodeId the node's id @return the started node */
    RunningServer start(String nodeId) {
        Map<String, String> own = new HashMap<>(settings);
        own.put("server.node-id", nodeId);
        KaliServer server = KaliServer.create(ConfigLoader.of(own)).controller(lobby).clock(clock);
        clusters.add(Cluster.join(server, config));
        RunningServer running = server.bind();
        servers.add(running);
        return running;
    }

    /** @param node where @param query the upgrade's query @return an open socket, closed with the nodes */
    TestClient open(RunningServer node, String query) {
        TestClient socket = TestClient.connect(node.port(), query);
        sockets.add(socket);
        return socket;
    }

    /** @return the cluster settings of every node */
    ClusterConfig config() {
        return config;
    }

    /** @return the controller every node runs */
    LobbyController lobby() {
        return lobby;
    }

    /** @return the clock of every node's recovery window */
    FakeClock clock() {
        return clock;
    }

    /** @return synchronous Redis commands, to look at what the cluster stored (either kind of Redis) */
    synchronized RedisClusterCommands<String, String> redis() {
        return view().sync();
    }

    /** @return the names of the cluster's keys and channels */
    Keys keys() {
        return Keys.of(config);
    }

    /**
     * @param channel a channel, e.g. {@code keys().channel("b")}
     * @return every message published on it from now on (subscribed when this returns), closed with the nodes
     */
    List<String> listen(String channel) {
        return view().listen(channel);
    }

    private synchronized RedisView view() {
        if (view == null) {
            view = new RedisView(redisUri);
        }
        return view;
    }

    @Override
    public void close() {
        sockets.forEach(TestClient::close);
        servers.forEach(s -> s.stop(Duration.ofMillis(200)));
        clusters.forEach(Cluster::close);
        synchronized (this) {
            if (view != null) {
                view.close();
            }
        }
    }
}
