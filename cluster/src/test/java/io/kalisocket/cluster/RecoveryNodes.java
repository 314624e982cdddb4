package io.kalisocket.cluster;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redis;
    private final List<StatefulRedisPubSubConnection<String, String>> listeners = new ArrayList<>();

    /** @param extra settings over the defaults (recovery on, a shared secret, connect actions with ct=lobby) */
    RecoveryNodes(String... extra) {
        this(RedisForTests.URI, extra);
    }

    /**
     * @param redisUri the Redis of the cluster, any kind ({@link #redis} and {@link #listen} need one Redis)
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

    /** @return synchronous Redis commands, to look at what the cluster stored (one Redis only) */
    synchronized RedisCommands<String, String> redis() {
        if (redis == null) {
            redisClient = RedisClient.create(redisUri);
            redis = redisClient.connect();
        }
        return redis.sync();
    }

    /**
     * @param name a channel without the prefix, e.g. {@code ch:b}, a node's own
     * @return every message published on it from now on (subscribed when this returns), closed with the nodes
     */
    List<String> listen(String name) {
        List<String> heard = new CopyOnWriteArrayList<>();
        redis();
        StatefulRedisPubSubConnection<String, String> pubSub = redisClient.connectPubSub();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                heard.add(message);
            }
        });
        pubSub.sync().subscribe(key(name));
        listeners.add(pubSub);
        return heard;
    }

    /** @param name a key without the prefix, e.g. {@code rs:<client>} @return the full key */
    String key(String name) {
        return config.keyPrefix() + name;
    }

    @Override
    public void close() {
        sockets.forEach(TestClient::close);
        servers.forEach(s -> s.stop(Duration.ofMillis(200)));
        clusters.forEach(Cluster::close);
        listeners.forEach(StatefulRedisPubSubConnection::close);
        if (redis != null) {
            redis.close();
            redisClient.shutdown();
        }
    }
}
